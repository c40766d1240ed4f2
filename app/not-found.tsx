import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request so the proxy's CSP nonce reaches this page's scripts too.
  await connection();
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-lg font-semibold">This page does not exist.</h1>
      <p className="mt-2 text-sm text-slate-700">Check the address, or go back to the desk.</p>
      <Link href="/" className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
        Go to the desk
      </Link>
    </main>
  );
}
