import { notFound } from "next/navigation";
import { connection } from "next/server";
import { bareRoutesEnabled } from "@/lib/bench/bare-routes";

/** The bench's floor for first-load JavaScript and page speed: under its own root layout, a heading, nothing of ours. */
export default async function BarePage() {
  // Per request, like every desk page: the proxy's CSP nonce must reach the framework's scripts.
  await connection();
  if (!bareRoutesEnabled()) notFound();
  return (
    <main>
      <h1>Bare page</h1>
      <p>The framework&apos;s floor, for `npm run bench`.</p>
    </main>
  );
}
