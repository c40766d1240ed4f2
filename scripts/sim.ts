import { createEkoSimulator, SIM_BASE_PATH } from "@/lib/eko-sim/server";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";

async function main() {
  const port = Number(process.env.SIM_PORT ?? 4010);
  const sim = createEkoSimulator({
    developerKey: process.env.SIM_DEVELOPER_KEY ?? EKO_UAT.developerKey,
    accessKey: process.env.SIM_ACCESS_KEY ?? EKO_UAT.accessKey,
    initiatorId: process.env.SIM_INITIATOR_ID ?? EKO_UAT.initiatorId,
    slowMs: Number(process.env.SIM_SLOW_MS ?? 20_000),
    control: process.env.SIM_CONTROL === "1",
  });
  const bound = await sim.listen(port);
  console.log(`Eko simulator listening: EKO_BASE_URL=http://127.0.0.1:${bound}${SIM_BASE_PATH}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void sim.close().then(() => process.exit(0)));
  }
}

void main();
