import { randomUUID } from "node:crypto";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** A server action's body is its arguments as JSON text: `[first, …]`. This reads the first argument. */
export function firstArgument(body: string): Json {
  const args: unknown = JSON.parse(body);
  if (!Array.isArray(args) || !isRecord(args[0])) throw new Error(`Not an action body with an object argument: ${body.slice(0, 80)}`);
  return args[0];
}

/** The body with its first argument changed by `edit`, the other arguments as they were. */
export function editFirstArgument(body: string, edit: (argument: Json) => Json): string {
  const args = JSON.parse(body) as unknown[];
  return JSON.stringify([edit(firstArgument(body)), ...args.slice(1)]);
}

/** For the transfer form's `{ submissionId, values }`: another mobile and, unless kept, a new submission id. */
export function sendOtpBody(body: string, change: { customerMobile?: string; newSubmission?: boolean }): string {
  return editFirstArgument(body, (argument) => {
    const values = isRecord(argument.values) ? argument.values : {};
    return {
      ...argument,
      submissionId: change.newSubmission ? randomUUID() : argument.submissionId,
      values: { ...values, ...(change.customerMobile ? { customerMobile: change.customerMobile } : {}) },
    };
  });
}

/**
 * For an action that takes a form (`useActionState`): the multipart body React sent, with the named fields' values
 * changed. React writes each of the form's fields as a part named `_<n>_<field>`.
 */
export function editFormFields(body: string, changes: Record<string, string>): string {
  const seen = new Set<string>();
  const edited = body.replace(/(name="_\d+_([^"$][^"]*)"\r\n\r\n)([\s\S]*?)(\r\n--)/g, (part, head: string, field: string, value: string, tail: string) => {
    if (!(field in changes)) return part;
    seen.add(field);
    return `${head}${changes[field]}${tail}`;
  });
  const missing = Object.keys(changes).filter((field) => !seen.has(field));
  if (missing.length > 0) throw new Error(`The form body has no field ${missing.join(", ")}`);
  return edited;
}
