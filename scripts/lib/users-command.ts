import { parseArgs } from "node:util";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/session-settings";
import { DataDirInUseError } from "@/lib/db/data-dir-lock";
import { dbTargetFrom, describeTarget } from "@/lib/db/target";
import { ConfigError } from "@/lib/settings";
import { newUserSchema, passwordSchema, roleSchema, shopLatlongSchema, userCodeSchema, usernameSchema } from "@/lib/users/schema";
import { createTranslator } from "@/lib/i18n/dictionaries";
import { translateText } from "@/lib/i18n/translate";
import { createUser, listUsers, resetPassword, setDisabled, setRole, setShopLocation, setUserCode, UserError } from "@/lib/users/service";

/** A mistake on the command line: printed as it is, in English. */
export class UsageError extends Error {}

const USAGE = `npm run users -- <command> [options]
  add --username U --role agent|supervisor|admin [--user-code C] [--name N] [--shop LAT,LONG]
  list
  disable --username U            (also: enable --username U)
  reset-password --username U
  set-role --username U --role R
  set-user-code --username U --user-code C
  set-shop U LAT,LONG|none        (also: set-shop --username U --shop LAT,LONG; none removes it)
LAT,LONG is the agent's shop, sent to Eko with their transfers: 28.4595,77.0266 (one below zero: --shop=-12.5,77).
add and reset-password ask for the password (typed twice, not shown), or read it from standard input when that is
not a terminal:  printf '%s\n' "$PASSWORD" | npm run users -- reset-password --username U
Works against DATABASE_URL, or the embedded database in DATA_DIR (stop the desk first), as read from the environment
and .env; it names that database first. From a build: node scripts/users.cjs <command> [options], in the build's folder.`;

const COMMANDS = ["add", "list", "disable", "enable", "reset-password", "set-role", "set-user-code", "set-shop"];

const NOT_ON_THE_COMMAND_LINE =
  "Passwords are not taken on the command line, where they stay in shell history and show in the process list. " +
  "Leave --password out: the command asks for it, or reads it from standard input.";

function need<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): T {
  if (!result.success) throw new UsageError(translateText(createTranslator("en"), result.error.issues[0]?.message ?? "Invalid value."));
  return result.data;
}

/** What the command asks of its surroundings: the password (a prompt or standard input) and where its notes go. */
export type UsersIo = { readPassword: () => Promise<string>; note: (line: string) => void };

/**
 * `npm run users` and the build's `users.cjs`: one command line in, the message to print out; a refusal throws an
 * error whose message is for the operator (see failureMessage).
 */
export async function runUsersCommand(argv: string[], { readPassword, note }: UsersIo): Promise<string> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      username: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      "user-code": { type: "string" },
      name: { type: "string" },
      shop: { type: "string" },
    },
    strict: true,
    allowPositionals: command === "set-shop",
  });
  if (values.password !== undefined) throw new UsageError(NOT_ON_THE_COMMAND_LINE);
  if (!COMMANDS.includes(command ?? "")) throw new UsageError(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
  // Before anything is read or changed: the operator sees which database this is, and can stop a wrong one.
  note(`Database: ${describeTarget(dbTargetFrom(process.env))}`);
  const actor = "cli";
  switch (command) {
    case "add": {
      // Everything but the password is checked before asking for it.
      const fields = { ...values, userCode: values["user-code"], shopLatlong: values.shop };
      need(newUserSchema.safeParse({ ...fields, password: "x".repeat(MIN_PASSWORD_LENGTH) }));
      const user = need(newUserSchema.safeParse({ ...fields, password: await readPassword() }));
      await createUser(user, actor);
      const extras = [user.userCode && `user_code ${user.userCode}`, user.shopLatlong && `shop ${user.shopLatlong}`].filter(Boolean);
      return `Added ${user.username} (${[user.role, ...extras].join(", ")}).`;
    }
    case "list": {
      const users = await listUsers();
      if (users.length === 0) return "No users yet.";
      return users
        .map(
          (u) =>
            `${u.username.padEnd(20)} ${u.role.padEnd(11)} ${(u.userCode ?? "-").padEnd(12)} ${(u.disabled ? "disabled" : "active").padEnd(8)} ${u.shopLatlong ?? "-"}`,
        )
        .join("\n");
    }
    case "disable":
    case "enable": {
      const username = need(usernameSchema.safeParse(values.username));
      await setDisabled(username, command === "disable", actor);
      return `${command === "disable" ? "Disabled" : "Enabled"} ${username}; their sessions were ended.`;
    }
    case "reset-password": {
      const username = need(usernameSchema.safeParse(values.username));
      await resetPassword(username, need(passwordSchema.safeParse(await readPassword())), actor);
      return `Password reset for ${username}; their sessions were ended.`;
    }
    case "set-role": {
      const username = need(usernameSchema.safeParse(values.username));
      await setRole(username, need(roleSchema.safeParse(values.role)), actor);
      return `${username} is now ${values.role}.`;
    }
    case "set-user-code": {
      const username = need(usernameSchema.safeParse(values.username));
      await setUserCode(username, need(userCodeSchema.safeParse(values["user-code"])), actor);
      return `${username}'s Eko user_code is now ${values["user-code"]}.`;
    }
    case "set-shop": {
      const username = need(usernameSchema.safeParse(values.username ?? positionals.shift()));
      const place = values.shop ?? positionals.shift();
      if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(" ")}".\n${USAGE}`);
      const latlong = place?.trim().toLowerCase() === "none" ? null : need(shopLatlongSchema.safeParse(place));
      await setShopLocation(username, latlong, actor);
      return latlong ? `${username}'s shop location is now ${latlong}.` : `${username} has no shop location now.`;
    }
    default:
      throw new UsageError(USAGE); // not reached: the command was checked above
  }
}

/** What the operator reads when the command refuses or fails: a known refusal as it is, anything else as a failure. */
export function failureMessage(error: unknown): string {
  const known =
    error instanceof UsageError ||
    error instanceof UserError ||
    error instanceof ConfigError ||
    error instanceof DataDirInUseError ||
    (error instanceof Error && error.name === "TypeError" && /argument/i.test(error.message));
  return known ? (error as Error).message : `Failed: ${error instanceof Error ? error.message : String(error)}`;
}
