import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const [{ keepServingWhenOutputBreaks }, { stampPeerAddress }] = await Promise.all([
      import("@/lib/startup/output-streams"),
      import("@/lib/startup/peer-address"),
    ]);
    keepServingWhenOutputBreaks();
    stampPeerAddress();
    const { prepareServerOrExit } = await import("@/lib/startup/prepare-server");
    await prepareServerOrExit();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/observability/request-errors");
  logRequestError(error, request, context);
};
