import { randomInt, randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { TestDatabase } from "@/lib/db/testing/test-databases";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { serviceDeps, simulatedEkoForFile } from "@/lib/otp-requests/testing/service-harness";
import { addCustomerRecipient } from "./add-recipient";
import type { NewRecipient } from "./new-recipient";
import { customerForForm, customerRecipients, pickedRecipient, visitSummary } from "./recipients";
import type { Counter } from "./service";
import { customerDeps, signedIn, storedText, verifiedCustomer } from "./testing/visit-harness";

const eko = simulatedEkoForFile();
const ADD = /\/sender\/\d+\/recipient$/;
const ADD_BANK = /\/sender\/\d+\/bank\/recipient$/;
const calls = (path: RegExp) => eko.sim.received.filter((r) => r.method === "POST" && path.test(r.path));

/** A recipient nobody has added yet: a fresh 14-digit account at HDFC. */
const newRecipient = (more: Partial<NewRecipient> = {}): NewRecipient => ({
  name: "Ravi Kumar",
  mobile: "9812345678",
  account: `5010${String(randomInt(1e9)).padStart(10, "0")}`,
  ifsc: "HDFC0001234",
  accountType: "1",
  ...more,
});

const add = (database: TestDatabase, visitId: string, counter: Counter, recipient = newRecipient(), submissionId = randomUUID()) =>
  addCustomerRecipient(visitId, recipient, counter, submissionId, customerDeps(database, eko));

describeEachDatabase("adding a recipient for the verified customer", (database) => {
  it("adds the recipient at Eko, lists it at once and lets the agent send to it, never keeping the account number", async () => {
    const counter = await signedIn(database.db);
    const { visitId, mobile } = await verifiedCustomer(database, eko, counter);
    const deps = customerDeps(database, eko);
    await customerRecipients(visitId, counter, deps);
    const recipient = newRecipient();
    const result = await add(database, visitId, counter, recipient);
    expect(result).toEqual({
      status: "added",
      recipient: {
        recipientId: expect.any(Number),
        beneficiaryId: expect.stringMatching(/^\d+$/),
        name: "Ravi Kumar",
        bank: "HDFC Bank",
        accountMasked: `••••${recipient.account.slice(-4)}`,
        ifsc: "HDFC0001234",
        channel: 0,
        channels: ["IMPS", "NEFT"],
        verified: false,
        recent: false,
      },
    });
    if (result.status !== "added") return;
    const { recipientId, beneficiaryId } = result.recipient;
    expect(eko.sim.received.map((r) => r.path).filter((p) => ADD.test(p) || ADD_BANK.test(p))).toEqual([
      expect.stringMatching(ADD),
      expect.stringMatching(ADD_BANK),
    ]);
    expect(calls(ADD_BANK)[0]?.body).toMatchObject({ recipient_id: String(recipientId) });

    // Listed first at once (without asking Eko again), and accepted when picked.
    const summary = await visitSummary(visitId, counter.sessionId, deps);
    expect(summary?.recipients?.map((r) => r.recipientId)).toEqual([recipientId, 10018839, 10065177]);
    const picked = await pickedRecipient(database.db, { visitId, sessionId: counter.sessionId, recipientId, amount: 500 }, new Date(), deps);
    expect(picked).toMatchObject({ ok: true, customerMobile: mobile, choice: { recipientId, beneficiaryId } });
    // The next page reads Eko's list again, which now holds it too.
    const listed = await customerRecipients(visitId, counter, deps);
    expect(listed.status === "ok" && listed.recipients.find((r) => r.recipientId === recipientId)).toMatchObject({ beneficiaryId, name: "Ravi Kumar" });

    const input = { recipientId, amount: 500, customerMobile: "", visitId };
    const sent = await requestTransactionOtp(input, { actor: counter.actor, submissionId: randomUUID(), sessionId: counter.sessionId }, serviceDeps(database.db, eko));
    expect(sent).toMatchObject({ status: "sent", recipient: { name: "Ravi Kumar", bank: "HDFC Bank" } });
    expect(eko.sim.received.at(-1)?.body).toMatchObject({ recipient_id: recipientId, beneficiary_id: beneficiaryId, customer_id: mobile });

    const stored = await storedText(database.db);
    expect(stored).not.toContain(recipient.account);
    expect(stored).not.toContain(recipient.account.slice(0, 10));
  });

  it("turns a double click into one Add Recipient (and one Add Recipient Bank), both shown the same recipient", async () => {
    const counter = await signedIn(database.db);
    const { visitId } = await verifiedCustomer(database, eko, counter);
    const recipient = newRecipient();
    const submissionId = randomUUID();
    const [first, second] = await Promise.all([
      add(database, visitId, counter, recipient, submissionId),
      add(database, visitId, counter, recipient, submissionId),
    ]);
    expect(first.status).toBe("added");
    expect(second).toEqual(first);
    expect(calls(ADD)).toHaveLength(1);
    expect(calls(ADD_BANK)).toHaveLength(1);
    const summary = await visitSummary(visitId, counter.sessionId, customerDeps(database, eko));
    expect(summary?.recipients?.filter((r) => first.status === "added" && r.recipientId === first.recipient.recipientId)).toHaveLength(1);
  });

  it("passes on Eko's refusals: a recipient already added (342), and a sixth recipient in one day (39)", async () => {
    const counter = await signedIn(database.db);
    const { visitId } = await verifiedCustomer(database, eko, counter);
    const recipient = newRecipient();
    expect(await add(database, visitId, counter, recipient)).toMatchObject({ status: "added" });
    const duplicate = await add(database, visitId, counter, { ...recipient, name: "Ravi K" });
    expect(duplicate).toMatchObject({ status: "rejected", step: "recipient", eko: { status: 342 } });
    // A refused add takes none of the day's five places.
    for (let i = 2; i <= 5; i++) expect(await add(database, visitId, counter)).toMatchObject({ status: "added" });
    expect(await add(database, visitId, counter)).toMatchObject({ status: "rejected", step: "recipient", eko: { status: 39 } });
    expect(calls(ADD)).toHaveLength(7);
    expect(calls(ADD_BANK)).toHaveLength(5);
    const summary = await visitSummary(visitId, counter.sessionId, customerDeps(database, eko));
    expect(summary?.recipients).toHaveLength(5);
  });

  it("shows an added recipient as Eko lists it once the customer's page is drawn again: an SBI account is NEFT only", async () => {
    const counter = await signedIn(database.db);
    const { visitId } = await verifiedCustomer(database, eko, counter);
    const deps = customerDeps(database, eko);
    const recipient = newRecipient({ ifsc: "SBIN0001234" });
    const added = await add(database, visitId, counter, recipient);
    if (added.status !== "added") throw new Error(added.status);
    const { recipientId } = added.recipient;
    // What the agent lands on after adding: the customer's page with the new recipient picked.
    const page = await customerForForm(visitId, counter, recipientId, deps);
    expect(page.status === "ok" && page.customer.picked).toBe(recipientId);
    const choice = page.status === "ok" ? page.customer.recipients.find((r) => r.recipientId === recipientId) : undefined;
    expect(choice).toMatchObject({ bank: "State Bank of India", channel: 2, channels: ["NEFT"] });
    expect(choice?.accountMasked).not.toContain(recipient.account);
    const picked = await pickedRecipient(database.db, { visitId, sessionId: counter.sessionId, recipientId, amount: 500 }, new Date(), deps);
    expect(picked).toMatchObject({ ok: true, choice: { channel: 2 } });
  });

  it("adds nothing for a visit that is not this sign-in's verified customer", async () => {
    const counter = await signedIn(database.db);
    const { visitId } = await verifiedCustomer(database, eko, counter);
    const stranger = await signedIn(database.db);
    expect(await add(database, visitId, stranger)).toEqual({ status: "expired" });
    expect(calls(ADD)).toHaveLength(0);
  });
});
