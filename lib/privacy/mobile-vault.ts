import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { loadLedgerKey } from "./ledger-key";

const VERSION = "v1";

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, "levin-desk-ledger", purpose, 32));
}

/**
 * Holds customer mobiles as India's DPDP rules expect: a keyed hash for exact search, the last four digits for
 * display, and AES-256-GCM ciphertext for the rare need of the full number. Hash and cipher keys are derived apart.
 */
export class MobileVault {
  private readonly hashKey: Buffer;
  private readonly cipherKey: Buffer;

  constructor(masterKey: Buffer) {
    this.hashKey = derive(masterKey, "customer-mobile-hash");
    this.cipherKey = derive(masterKey, "customer-mobile-encryption");
  }

  hash(mobile: string): string {
    return createHmac("sha256", this.hashKey).update(mobile, "utf8").digest("hex");
  }

  encrypt(mobile: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.cipherKey, iv);
    const body = Buffer.concat([cipher.update(mobile, "utf8"), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  decrypt(sealed: string): string {
    const [version, payload] = sealed.split(":");
    if (version !== VERSION || !payload) throw new Error("Unknown ledger ciphertext format");
    const raw = Buffer.from(payload, "base64");
    if (raw.length <= 28) throw new Error("Ledger ciphertext is too short");
    const decipher = createDecipheriv("aes-256-gcm", this.cipherKey, raw.subarray(0, 12), { authTagLength: 16 });
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }

  protect(mobile: string) {
    return { customerMobileHash: this.hash(mobile), customerMobileLast4: mobile.slice(-4), customerMobileEncrypted: this.encrypt(mobile) };
  }
}

let vault: MobileVault | undefined;

export function getMobileVault(): MobileVault {
  vault ??= new MobileVault(loadLedgerKey());
  return vault;
}
