import "./lib/load-env";
import { closeDb } from "@/lib/db/client";
import { readPassword } from "./lib/read-password";
import { failureMessage, runUsersCommand } from "./lib/users-command";

runUsersCommand(process.argv.slice(2), { readPassword, note: (line) => console.error(line) })
  .then((message) => console.log(message))
  .catch((error: unknown) => {
    console.error(failureMessage(error));
    process.exitCode = 1;
  })
  .finally(() => closeDb());
