import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <div role="alert" className="rounded-lg border border-amber-300 bg-white p-5">
        <h1 className="text-lg font-semibold">Your role may not open this page.</h1>
        <p className="mt-2 text-sm text-slate-700">Agents send OTPs, supervisors review requests, admins manage accounts. Ask an admin if you need other access.</p>
        <Link href="/" className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
          Go to my start page
        </Link>
      </div>
    </main>
  );
}
