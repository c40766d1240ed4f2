import { notFound } from "next/navigation";
import { bareRoutesEnabled } from "@/lib/bench/bare-routes";

/** The bench's floor for first-load JavaScript and page speed: the root layout and a heading, nothing of ours. */
export default function BarePage() {
  if (!bareRoutesEnabled()) notFound();
  return (
    <main className="p-4">
      <h1 className="text-xl font-semibold">Bare page</h1>
      <p>The framework&apos;s floor, for `npm run bench`.</p>
    </main>
  );
}
