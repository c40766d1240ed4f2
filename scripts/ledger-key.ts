import "./lib/load-env";
import { RotationRefused } from "@/lib/privacy/rotate-ledger-key";
import { ConfigError } from "@/lib/settings";
import { runLedgerKeyCommand, UsageError } from "./lib/ledger-key-command";
import { readSecret } from "./lib/read-password";

runLedgerKeyCommand(process.argv.slice(2), process.env, { readNewKey: () => readSecret("New LEDGER_KEY"), note: (line) => console.error(line) })
  .then((message) => console.log(message))
  .catch((error: unknown) => {
    const known = error instanceof UsageError || error instanceof RotationRefused || error instanceof ConfigError;
    console.error(
      known ? error.message : `Rotating the ledger key failed, and nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (!known) console.error("Stop every instance first: with the embedded database, only one process may open it.");
    process.exitCode = 1;
  });
