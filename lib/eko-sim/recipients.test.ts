import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { addRecipient, type NewRecipient } from "@/lib/eko/operations/add-recipient";
import { getRecipients } from "@/lib/eko/operations/get-recipients";
import { callEko, type TransportDeps } from "@/lib/eko/transport";
import { MAX_RECIPIENTS_ADDED_PER_DAY } from "./recipients";
import { createEkoSimulator, SIM_BASE_PATH, type Simulator } from "./server";
import EKO_UAT from "./uat-values.json";

// Just before midnight IST (18:30 UTC), so a test can step into the next IST day.
let clock = Date.parse("2026-12-03T18:00:00Z");
let sim: Simulator;
let deps: TransportDeps;
beforeAll(async () => {
  sim = createEkoSimulator({ ...EKO_UAT, slowMs: 1_000, control: true, now: () => clock });
  const base = `http://127.0.0.1:${await sim.listen(0)}${SIM_BASE_PATH}`;
  deps = { config: { ...EKO_UAT, baseUrl: base, timeoutMs: 2_000 }, userCode: EKO_UAT.userCode, now: () => clock };
});
afterAll(() => sim.close());

let nextAccount = 500_000_000_000;
/** Add Recipient for `customerMobile`: a valid, fresh recipient unless `change` says otherwise. */
const add = (customerMobile: string, change: Partial<NewRecipient> = {}) =>
  callEko(
    addRecipient,
    { customerMobile, clientRefId: newClientRefId(), bankId: 12, name: "Aditya Rao", mobile: "9775597777", account: String(nextAccount++), ifsc: "KKBK0000878", accountType: "1", ...change },
    deps,
  );
const refused = (status: number, responseTypeId: number, message: string) => ({ kind: "rejected", codes: { status, responseStatusId: 1, responseTypeId, message } });

describe("the simulator's Add Recipient keeps Eko's rules", () => {
  it(`at most ${MAX_RECIPIENTS_ADDED_PER_DAY} a day per customer (the IST calendar day): the 6th is 39; refusals use no slot`, async () => {
    expect(MAX_RECIPIENTS_ADDED_PER_DAY).toBe(5);
    const mobile = "9876500031";
    for (let i = 0; i < 5; i++) expect(await add(mobile)).toMatchObject({ kind: "ok" });
    expect(await add(mobile)).toMatchObject(refused(39, 39, "Maximum 5 recipients can be added in a day"));
    expect(await add("9876500032")).toMatchObject({ kind: "ok" });

    const other = "9876500033";
    expect(await add(other, { name: "R2D2" })).toMatchObject({ kind: "rejected" });
    for (let i = 0; i < 5; i++) expect(await add(other)).toMatchObject({ kind: "ok" });

    clock = Date.parse("2026-12-03T18:31:00Z"); // 00:01 IST, the next day
    expect(await add(mobile)).toMatchObject({ kind: "ok" });
  });

  it("the same account and IFSC twice is 342 (the dmt-add-recipient fixture's shape); another IFSC is another recipient", async () => {
    const mobile = "9876500034";
    expect(await add(mobile, { account: "123456789012" })).toMatchObject({ kind: "ok" });
    expect(await add(mobile, { account: "123456789012", ifsc: "kkbk0000878" })).toMatchObject(refused(342, -1, "Recipient already registered"));
    expect(sim.received.at(-1)?.reply?.body).toEqual({ status: 342, response_status_id: 1, response_type_id: -1, message: "Recipient already registered", data: {} });
    expect(await add(mobile, { account: "123456789012", ifsc: "HDFC0000001" })).toMatchObject({ kind: "ok" });
    expect(await add("9876500035", { account: "123456789012" })).toMatchObject({ kind: "ok" });
    // The sample recipient's account is masked (1XXXXXX90657), so a full account never matches it.
    expect(await add(mobile, { account: "1000000090657" })).toMatchObject({ kind: "ok" });
  });

  it("a well-formed IFSC of a bank the simulator does not know is 521; a malformed one or account stays 461", async () => {
    const mobile = "9876500036";
    expect(await add(mobile, { ifsc: "ABCD0123456" })).toMatchObject(refused(521, 521, "IFSC not found in system"));
    expect(await add(mobile, { ifsc: "KKBK878" })).toMatchObject({ kind: "rejected", codes: { status: 461 }, invalidParams: { ifsc: "Invalid IFSC" } });
    expect(await add(mobile, { account: "12AB" })).toMatchObject({ kind: "rejected", codes: { status: 461 }, invalidParams: { account: "Invalid account number" } });
  });

  it("a bad recipient name is 131, a bad recipient mobile 140", async () => {
    const mobile = "9876500037";
    for (const name of ["A", "R2D2", "Ravi@Kumar", "..", "A".repeat(51)]) {
      expect(await add(mobile, { name })).toMatchObject(refused(131, 131, "Invalid recipient name"));
    }
    for (const bad of ["5123456789", "98765", "98765432101", "98765abcde", ""]) {
      expect(await add(mobile, { mobile: bad })).toMatchObject(refused(140, 140, "Invalid recipient mobile"));
    }
    expect(await add(mobile, { name: "S. K. Gupta" })).toMatchObject({ kind: "ok" });
  });

  it("a customer who is not enrolled gets 463 (Eko's customer-not-found shape)", async () => {
    expect(await add("6333333333")).toMatchObject({ kind: "rejected", codes: { status: 463, responseTypeId: -1 }, invalidParams: { customer_id: expect.any(String) } });
  });

  it("added recipients: IMPS (channel 0) normally, NEFT only (2) for an SBIN IFSC; unverified, account masked", async () => {
    const mobile = "6222222222";
    const imps = await add(mobile, { account: "223456789012", ifsc: "HDFC0001234" });
    const neft = await add(mobile, { account: "323456789012", ifsc: "SBIN0001234" });
    if (imps.kind !== "ok" || neft.kind !== "ok") throw new Error("add-recipient");
    const listed = await callEko(getRecipients, { customerMobile: mobile }, deps);
    if (listed.kind !== "ok") throw new Error("get-recipients");
    const byId = (id: number) => listed.data.recipient_list.find((r) => r.recipient_id === id);
    expect(byId(imps.data.recipient_id)).toMatchObject({ channel: 0, allowed_channel: 0, available_channel: 0, is_verified: 0, bank: "HDFC Bank", account: "22XXXXXX9012" });
    expect(byId(neft.data.recipient_id)).toMatchObject({ channel: 2, allowed_channel: 2, available_channel: 2, is_verified: 0, bank: "State Bank of India", account: "32XXXXXX9012" });
    expect(JSON.stringify(sim.received.at(-1)?.reply)).not.toContain("323456789012");
  });
});
