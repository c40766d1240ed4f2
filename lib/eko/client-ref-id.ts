import "server-only";
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const CLIENT_REF_ID_LENGTH = 20;

/**
 * "LD", the time in base 36 (8 characters until 2059), then random characters up to Eko's 20-character limit:
 * sortable by time, and 36^10 (about 3.6e15) values per millisecond.
 */
export function newClientRefId(nowMs: number = Date.now()): string {
  const time = Math.trunc(nowMs).toString(36).toUpperCase().padStart(8, "0");
  let random = "";
  while (2 + time.length + random.length < CLIENT_REF_ID_LENGTH) random += ALPHABET[randomInt(ALPHABET.length)];
  return `LD${time}${random}`;
}
