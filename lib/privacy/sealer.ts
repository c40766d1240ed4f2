import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

/** A 32-byte key for one purpose, derived from LEDGER_KEY: each kind of secret is sealed under its own key. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, "levin-desk-ledger", purpose, 32));
}

/** AES-256-GCM with a fresh IV per value: `v1:` then base64 of IV, tag and ciphertext. */
export class Sealer {
  constructor(private readonly key: Buffer) {}

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  open(sealed: string): string {
    const [version, payload] = sealed.split(":");
    if (version !== VERSION || !payload) throw new Error("Unknown ledger ciphertext format");
    const raw = Buffer.from(payload, "base64");
    if (raw.length <= 28) throw new Error("Ledger ciphertext is too short");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12), { authTagLength: 16 });
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }
}
