import "server-only";
import { createHmac } from "node:crypto";
import { loadLedgerKey } from "./ledger-key";
import { deriveKey, Sealer } from "./sealer";

/**
 * Holds customer mobiles as India's DPDP rules expect: a keyed hash for exact search, the last four digits for
 * display, and AES-256-GCM ciphertext for the rare need of the full number. Hash and cipher keys are derived apart.
 */
export class MobileVault {
  private readonly hashKey: Buffer;
  private readonly sealer: Sealer;

  constructor(masterKey: Buffer) {
    this.hashKey = deriveKey(masterKey, "customer-mobile-hash");
    this.sealer = new Sealer(deriveKey(masterKey, "customer-mobile-encryption"));
  }

  hash(mobile: string): string {
    return createHmac("sha256", this.hashKey).update(mobile, "utf8").digest("hex");
  }

  encrypt(mobile: string): string {
    return this.sealer.seal(mobile);
  }

  decrypt(sealed: string): string {
    return this.sealer.open(sealed);
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
