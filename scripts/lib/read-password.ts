import { stdin, stdout } from "node:process";

/** Reads one line from standard input when it is not a terminal: a pipe, a file, a secret manager's output. */
async function firstLineOfInput(): Promise<string> {
  let text = "";
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/** Reads a line at the terminal without showing it; Ctrl+C stops the command. */
function hiddenLine(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let typed = "";
    const done = (finish: () => void) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write("\n");
      finish();
    };
    const onData = (keys: string) => {
      for (const key of keys) {
        if (key === "\r" || key === "\n") return done(() => resolve(typed));
        if (key === "\u0003") return done(() => reject(new Error("Cancelled.")));
        if (key === "\u007f" || key === "\b") typed = typed.slice(0, -1);
        else if (key >= " ") typed += key;
      }
    };
    stdin.on("data", onData);
  });
}

/** A secret for an operator command: asked twice at a terminal (not shown), else the first line of standard input. */
export async function readSecret(label: string): Promise<string> {
  if (!stdin.isTTY) return firstLineOfInput();
  const first = await hiddenLine(`${label} (not shown): `);
  const again = await hiddenLine(`The same ${label.toLowerCase()} again: `);
  if (first !== again) throw new Error(`The two ${label.toLowerCase()}s differ; nothing was changed.`);
  return first;
}

/** The password for `npm run users`. */
export const readPassword = () => readSecret("Password");
