"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <div role="alert" className="rounded-lg border border-red-200 bg-white p-5">
        <h1 className="text-lg font-semibold text-red-800">The desk hit a problem showing this page.</h1>
        <p className="mt-2 text-sm text-slate-700">Nothing was sent to Eko from this page. Try again; if it keeps happening, tell your supervisor.</p>
        <button type="button" onClick={reset} className="mt-4 min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
          Try again
        </button>
      </div>
    </main>
  );
}
