import { randomInt, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { SimSms } from "@/lib/eko-sim/ppi-levin-state";
import { launchBrowser, type ActionTarget } from "../load/capture";
import { postAction, postFormAction } from "../load/http-agent";

/** A sent OTP the customer has read out: what the transfer form posts, and whose session posts it. */
export type SentOtp = { ref: string; otp: string; cookie: string };

/** The OTP each Send OTP had the simulator "text", looked up by its otp_ref_id. */
export function smsInbox(sms: readonly SimSms[]): (otpRefId: string) => string | undefined {
  const byRef = new Map<string, string>();
  let read = 0;
  return (otpRefId) => {
    for (; read < sms.length; read++) byRef.set(sms[read]!.otpRefId, sms[read]!.otp);
    const otp = byRef.get(otpRefId);
    byRef.delete(otpRefId);
    return otp;
  };
}

/** One OTP sent through the real Send OTP action, with the OTP the simulator texted for it. */
export async function sendOtp(
  baseUrl: string,
  action: ActionTarget,
  cookie: string,
  inbox: (ref: string) => string | undefined,
  recipientId = "10017740",
): Promise<SentOtp> {
  const values = {
    recipientId,
    amount: String(100 + randomInt(24_900)),
    customerMobile: `9${100_000_000 + randomInt(800_000_000)}`,
    beneficiaryId: "",
  };
  const { result, httpStatus } = await postAction(baseUrl, action, [{ submissionId: randomUUID(), values }], cookie);
  const otp = typeof result?.otpRefId === "string" ? inbox(result.otpRefId) : undefined;
  if (result?.status !== "sent" || typeof result.clientRefId !== "string" || !otp)
    throw new Error(`Send OTP for a transfer gave ${String(result?.status ?? `HTTP ${httpStatus}`)}`);
  return { ref: result.clientRefId, otp, cookie };
}

/**
 * Each transfer spends one OTP, so they are sent before each turn, off the clock. The first fill covers any turn (no
 * request beats the simulator's latency, so a worker makes at most `seconds / latency + 1`); later ones twice the last
 * turn's rate, far less where the host is slow.
 */
export function otpPool(send: (worker: number) => Promise<SentOtp>, concurrency: number, latencyMs: number) {
  const ready: SentOtp[] = [];
  let taken = 0;
  let lastSeconds: number | undefined; // each path's time in the last turn: the pool is drawn on for that long
  return {
    take() {
      const sent = ready.shift();
      if (sent) taken++;
      return sent;
    },
    put: (sent: SentOtp) => ready.push(sent),
    /** Enough OTPs for each path's `seconds` in the coming turn or warm-up. */
    async fill(seconds: number): Promise<void> {
      const cap = concurrency * (Math.ceil((seconds * 1000) / Math.max(latencyMs, 10)) + 1);
      const rate = lastSeconds ? taken / lastSeconds : Infinity;
      let missing = Math.min(cap, Math.ceil(2 * rate * seconds) + concurrency) - ready.length;
      if (missing > 0) {
        await Promise.all(
          Array.from({ length: concurrency }, async (_, worker) => {
            while (missing-- > 0) ready.push(await send(worker));
          }),
        );
        await sleep(500); // the ledger completes a sent row just after answering (a transfer needs it `sent`), and settles
      }
      taken = 0;
      lastSeconds = seconds;
    },
  };
}

/** The transfer as the load makes it: each spends an OTP from `pool`, sent before the turn. */
export function transferPath(baseUrl: string, action: ActionTarget, pool: ReturnType<typeof otpPool>, send: (worker: number) => Promise<SentOtp>) {
  return async (worker: number): Promise<string> => {
    const sent = pool.take();
    if (sent) return (await postTransfer(baseUrl, action, sent)).outcome;
    pool.put(await send(worker)); // not expected (see otpPool); a turn that ran dry shows as failures
    return "no OTP ready";
  };
}

/** The transfer form's fields as the agent's page posts them (the agent's shop location stands in for the browser's). */
const transferFields = (sent: SentOtp) => ({ otpRequestRef: sent.ref, submissionId: randomUUID(), latlong: "", otp: sent.otp });

/** The transfer's outcome (its state, "success", or why there was none) and its ref. */
export async function postTransfer(baseUrl: string, action: ActionTarget, sent: SentOtp): Promise<{ outcome: string; ref?: string }> {
  const { result, httpStatus } = await postFormAction(baseUrl, action, transferFields(sent), sent.cookie);
  const transfer = result?.status === "transfer" ? (result.transfer as { state?: string; ref?: string } | undefined) : undefined;
  if (result?.repeated) return { outcome: "repeated" };
  return { outcome: transfer?.state ?? (typeof result?.status === "string" ? result.status : `http-${httpStatus}`), ref: transfer?.ref };
}

/**
 * A real browser types the OTP on its OTP request's page and transfers, once: the action id it posted is reused by
 * the load's plain HTTP clients, posted on the agent's page, where the step sits after Send OTP.
 */
export async function captureTransfer(baseUrl: string, sent: SentOtp): Promise<ActionTarget> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const [name, ...rest] = sent.cookie.split("=");
    await context.addCookies([{ name: name!, value: rest.join("="), url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/otp/${sent.ref}`, { waitUntil: "networkidle" }); // hydrated: the action, not a plain form post
    await page.getByRole("textbox", { name: "Customer's OTP" }).fill(sent.otp);
    const posted = page.waitForRequest(
      (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && Boolean(r.postData()?.includes("otpRequestRef")),
    );
    await page.getByRole("button", { name: /^Transfer / }).click();
    const request = await posted;
    const status = (await request.response())?.status();
    if (status !== 200) throw new Error(`The browser's transfer answered HTTP ${status}`);
    return { url: `${baseUrl}/`, actionId: request.headers()["next-action"] ?? "", contentType: request.headers()["content-type"] ?? "" };
  } finally {
    await browser.close();
  }
}

/**
 * The transfer action's id, from a browser transferring on an OTP sent through the Send OTP action, and real rows for
 * the transfer's pages: one more transfer as the load makes them, and an OTP left open for its OTP step page.
 */
export async function transferSetup(baseUrl: string, send: (worker: number, recipientId?: string) => Promise<SentOtp>, log: (line: string) => void) {
  log("  a transfer in a browser, for its action and pages…");
  const [inBrowser, spent, open, toRefund] = [await send(0), await send(0), await send(0), await send(0, "10017743")];
  const action = await captureTransfer(baseUrl, inBrowser);
  const made = await postTransfer(baseUrl, action, spent);
  if (made.outcome !== "success" || !made.ref) throw new Error(`A transfer over HTTP gave ${made.outcome}`);
  // The simulator leaves a transfer to this recipient in refund pending: its page holds the refund step.
  const refundDue = await postTransfer(baseUrl, action, toRefund);
  if (refundDue.outcome !== "refund-pending" || !refundDue.ref) throw new Error(`A refund-pending transfer gave ${refundDue.outcome}`);
  return { action, transferRef: made.ref, spent, open, refundRef: refundDue.ref, toRefund };
}
