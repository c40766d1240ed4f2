import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { authSessions } from "@/lib/db/auth-schema";
import { customerVisits, ekoCalls, otpFlaggedCustomers, otpRequests, transfers } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import { everyTableText, customerDeps, newCustomer, signedIn, verifiedCustomer } from "@/lib/customers/testing/visit-harness";
import { lookUpCustomer } from "@/lib/customers/service";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { testVault } from "@/lib/otp-requests/testing/ledger-rows";
import { ASHA, otpInput, serviceDeps, simulatedEkoForFile, submission } from "@/lib/otp-requests/testing/service-harness";
import { initiateTransfer } from "@/lib/transfers/service";
import { MobileVault } from "./mobile-vault";
import { rotateLedgerKey, RotationRefused } from "./rotate-ledger-key";

const eko = simulatedEkoForFile();
// The key testVault seals with: the "old" key of every rotation here.
const OLD_KEY = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");

describeEachDatabase("rotating LEDGER_KEY", (database) => {
  /** A customer who sent three OTPs (flagged) and made a transfer, and one who was only looked up. */
  async function history() {
    const counter = await signedIn(database.db);
    const { mobile } = await verifiedCustomer(database, eko, counter);
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const sent = await requestTransactionOtp(otpInput({ customerMobile: mobile, amount: 500 }), submission(), serviceDeps(database.db, eko));
      if (sent.status !== "sent") throw new Error(`OTP not sent: ${sent.status}`);
      refs.push(sent.clientRefId);
    }
    const otp = eko.sim.sms.filter((s) => s.to === mobile && s.purpose === "transaction").at(-1)!.otp;
    const deps = { db: database.db, config: eko.config, vault: testVault, breaker: new CircuitBreaker({ failures: 50, cooldownMs: 1_000 }) };
    const moved = await initiateTransfer(
      { otpRequestRef: refs[2]!, otp, submissionId: randomUUID() },
      { ...ASHA, shopLatlong: "28.6139,77.209" },
      {
        ...deps,
        draining: () => false,
        kick: () => {},
      },
    );
    expect(moved.status).toBe("transfer");
    const onlyLookedUp = newCustomer();
    expect((await lookUpCustomer(onlyLookedUp, counter, randomUUID(), customerDeps(database, eko))).status).toBe("otp-sent");
    return { mobile, onlyLookedUp };
  }

  it("seals every mobile again, moves every hash to the new key, drops what it cannot follow, and ends every session", async () => {
    await database.reset();
    const { mobile, onlyLookedUp } = await history();
    const newKey = randomBytes(32);
    const fresh = new MobileVault(newKey);

    const counts = await rotateLedgerKey(database.db, OLD_KEY, newKey);
    expect(counts).toMatchObject({ otpRequests: 3, transfers: 1, ekoCallsForgotten: 1 });
    expect(counts.sessionsEnded).toBeGreaterThanOrEqual(1);

    const requests = await database.db.select().from(otpRequests);
    expect(requests.map((r) => fresh.decrypt(r.customerMobileEncrypted))).toEqual([mobile, mobile, mobile]);
    expect(new Set(requests.map((r) => r.customerMobileHash))).toEqual(new Set([fresh.hash(mobile)]));
    expect(() => testVault.decrypt(requests[0]!.customerMobileEncrypted)).toThrow();
    expect((await database.db.select().from(transfers)).map((t) => t.customerMobileHash)).toEqual([fresh.hash(mobile)]);
    expect((await database.db.select().from(otpFlaggedCustomers)).map((f) => f.customerMobileHash)).toContain(fresh.hash(mobile));
    const lookUps = await database.db
      .select()
      .from(ekoCalls)
      .where(eq(ekoCalls.customerMobileLast4, onlyLookedUp.slice(-4)));
    expect(lookUps.map((c) => c.customerMobileHash)).toEqual([null]);
    expect(await database.db.select().from(authSessions)).toEqual([]);
    expect(await database.db.select().from(customerVisits)).toEqual([]);
    // Nothing keyed by the old key is left: under a leaked key, a hash gives the number away.
    const dump = await everyTableText(database.db);
    for (const customer of [mobile, onlyLookedUp]) expect(dump).not.toContain(testVault.hash(customer));
  });

  it("refuses a key that does not open the ledger, and changes nothing", async () => {
    await database.reset();
    const { mobile } = await history();
    const before = await everyTableText(database.db);
    await expect(rotateLedgerKey(database.db, randomBytes(32), randomBytes(32))).rejects.toBeInstanceOf(RotationRefused);
    await expect(rotateLedgerKey(database.db, OLD_KEY, OLD_KEY)).rejects.toThrow(/nothing to rotate/);
    expect(await everyTableText(database.db)).toBe(before);
    const [row] = await database.db.select().from(otpRequests).limit(1);
    expect(testVault.decrypt(row!.customerMobileEncrypted)).toBe(mobile);
  });
});
