export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { prepareServerOrExit } = await import("@/lib/startup/prepare-server");
    await prepareServerOrExit();
  }
}
