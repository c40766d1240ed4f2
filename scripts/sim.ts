import { FAULT_MODES, isFaultMode, type FaultMode } from "@/lib/eko-sim/faults";
import { createEkoSimulator, SIM_BASE_PATH } from "@/lib/eko-sim/server";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";

/** SIM_FAULT=<mode> starts the simulator in that fault (for demos); `off` or unset for none. */
function faultFromEnv(value: string | undefined): FaultMode | undefined {
  if (!value || value === "off") return undefined;
  if (isFaultMode(value)) return value;
  console.error(`SIM_FAULT=${value} is not a fault mode. Use one of: ${FAULT_MODES.join(", ")}, off.`);
  process.exit(1);
}

async function main() {
  const port = Number(process.env.SIM_PORT ?? 4010);
  const fault = faultFromEnv(process.env.SIM_FAULT);
  const sim = createEkoSimulator({
    developerKey: process.env.SIM_DEVELOPER_KEY ?? EKO_UAT.developerKey,
    accessKey: process.env.SIM_ACCESS_KEY ?? EKO_UAT.accessKey,
    initiatorId: process.env.SIM_INITIATOR_ID ?? EKO_UAT.initiatorId,
    slowMs: Number(process.env.SIM_SLOW_MS ?? 20_000),
    control: process.env.SIM_CONTROL === "1",
    fault,
    // `npm run demo` sets it: the OTPs the simulator "texts" are printed, so a person can walk the flow by hand.
    printSms: process.env.SIM_PRINT_SMS === "1",
  });
  const bound = await sim.listen(port);
  console.log(`Eko simulator listening: EKO_BASE_URL=http://127.0.0.1:${bound}${SIM_BASE_PATH}`);
  if (fault) console.log(`Fault mode on: ${fault} (every signed, valid request)`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void sim.close().then(() => process.exit(0)));
  }
}

void main();
