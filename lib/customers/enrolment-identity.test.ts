import { randomInt, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { simulatedEkoForFile } from "@/lib/otp-requests/testing/service-harness";
import { enrolCustomer, validateAadhaar, validatePan, verifyAadhaar } from "./enrolment";
import { customerRecipients, visitSummary } from "./recipients";
import { lookUpCustomer, verifyCustomer } from "./service";
import { customerDeps, everyTableText, newUnenrolledCustomer, senderOtp, signedIn } from "./testing/visit-harness";

const eko = simulatedEkoForFile();
const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + randomInt(26))).join("");

/** Every file under `dir` as text (the test run's output: app logs, data folders), or nothing when there is none. */
function filesText(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesText(file) : [readFileSync(file).toString("latin1")];
  });
}

describeEachDatabase("the Aadhaar number and PAN after a whole enrolment", (database) => {
  it("appear in no answer, no log line, no row of any table, and no output file; only Eko received them", async () => {
    // Numbers of this run alone, so any match anywhere is this test's leak.
    const aadhaar = `${randomInt(2, 10)}${String(randomInt(0, 1e11)).padStart(11, "0")}`;
    const pan = `${letters(5)}${String(randomInt(0, 1e4)).padStart(4, "0")}${letters(1)}`;
    const spaced = aadhaar.replace(/(\d{4})(?=\d)/g, "$1 ");
    const logs = (["log", "warn", "error", "info"] as const).map((level) => vi.spyOn(console, level));
    const counter = await signedIn(database.db);
    const deps = customerDeps(database, eko);
    const mobile = newUnenrolledCustomer();
    const answers: unknown[] = [];
    const keep = <T>(answer: T) => (answers.push(answer), answer);

    const looked = keep(await lookUpCustomer(mobile, counter, randomUUID(), deps));
    if (looked.status !== "not-enrolled") throw new Error(looked.status);
    const visitId = looked.visitId;
    keep(
      await enrolCustomer(
        visitId,
        { name: "Asha Rao", dob: "1990-05-15", street: "12 Station Road", city: "Pune", state: "Maharashtra", pincode: "411001" },
        counter,
        randomUUID(),
        deps,
      ),
    );
    keep(await verifyCustomer(visitId, senderOtp(eko, mobile), counter, deps));
    keep(await validateAadhaar(visitId, aadhaar.replace(/\d$/, ""), counter, randomUUID(), deps));
    keep(await validateAadhaar(visitId, aadhaar, counter, randomUUID(), deps));
    const otp = eko.sim.sms.filter((s) => s.to === mobile && s.purpose === "aadhaar").at(-1)!.otp;
    keep(await verifyAadhaar(visitId, otp, counter, randomUUID(), deps));
    keep(await validatePan(visitId, pan.toLowerCase(), counter, randomUUID(), deps));
    keep(await validatePan(visitId, pan, counter, randomUUID(), deps));
    keep(await visitSummary(visitId, counter.sessionId, deps));
    keep(await customerRecipients(visitId, counter, deps));
    const logged = JSON.stringify(logs.map((spy) => spy.mock.calls));
    logs.forEach((spy) => spy.mockRestore());

    // The whole path ran, and Eko (the simulator) did receive both numbers.
    expect(answers.at(-2)).toMatchObject({ state: "verified" });
    expect(logged).toContain("validate-pan");
    expect(eko.sim.received.some((r) => (r.body as { aadhar?: string }).aadhar === aadhaar)).toBe(true);
    expect(eko.sim.received.some((r) => (r.body as { pan_number?: string }).pan_number === pan)).toBe(true);

    const places = {
      answers: JSON.stringify(answers),
      logged,
      database: await everyTableText(database.db),
      files: filesText(".test-output").join("\n"),
    };
    for (const [place, text] of Object.entries(places)) {
      for (const secret of [aadhaar, spaced, pan, pan.toLowerCase()]) expect(text.includes(secret), `${secret} in ${place}`).toBe(false);
    }
  });
});
