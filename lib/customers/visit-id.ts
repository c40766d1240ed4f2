/** A visit's reference: 16 random bytes in base64url, safe in an address and unguessable. */
export const isVisitId = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{22}$/.test(value);
