import type { EkoBody, EkoShapes } from "./fixtures";

/**
 * What the simulator sends back: a JSON body, raw text, a success after a delay, nothing at all (the socket stays
 * open until the client gives up), or headers and part of a body before the socket is destroyed.
 */
export type SimAnswer =
  | { type: "json"; httpStatus: number; body: EkoBody }
  | { type: "raw"; httpStatus: number; contentType: string; text: string }
  | { type: "slow"; delayMs: number }
  | { type: "hang" }
  | { type: "reset"; partial: string };

export type Scenario = { recipientId: number; name: string; answer: (shapes: EkoShapes, slowMs: number) => SimAnswer };

const json = (body: EkoBody, httpStatus = 200): SimAnswer => ({ type: "json", httpStatus, body });

export function validationError(shapes: EkoShapes, invalidParams: Record<string, string>): EkoBody {
  // Eko's validation shape (response_type_id -1 with invalid_params), carrying the 461 status.
  const envelope = structuredClone(shapes.invalidInitiator);
  delete envelope.data;
  return { ...envelope, status: 461, response_status_id: 1, response_type_id: -1, message: "Invalid parameters", invalid_params: invalidParams };
}

/**
 * Deterministic answers chosen by recipient_id; any other recipient gets Eko's success. Eko publishes no 347 sample
 * for this service, so that one is the 945 sample's envelope with Eko's documented code and message.
 */
export const SCENARIOS: Scenario[] = [
  {
    recipientId: 347,
    name: "Insufficient balance (status 347)",
    answer: (s) => json({ ...structuredClone(s.monthlyLimitExhausted), status: 347, response_type_id: 347, message: "Insufficient balance" }),
  },
  { recipientId: 945, name: "Monthly limit exhausted (status 945)", answer: (s) => json(s.monthlyLimitExhausted) },
  { recipientId: 346, name: "Agent not onboarded (status 346)", answer: (s) => json(s.agentNotOnboarded) },
  { recipientId: 463, name: "Customer not found (status 463)", answer: (s) => json(s.customerNotFound) },
  {
    recipientId: 461,
    name: "Validation error (status 461, invalid_params on recipient_id and amount)",
    answer: (s) =>
      json(
        validationError(s, {
          recipient_id: "Recipient is not registered for this sender",
          amount: "Amount exceeds the per-transaction limit for this sender",
        }),
      ),
  },
  { recipientId: 403, name: "HTTP 403 (as for a bad key or signature)", answer: (s) => json(s.forbidden, 403) },
  {
    recipientId: 500,
    name: "HTTP 500",
    answer: () => ({ type: "raw", httpStatus: 500, contentType: "text/plain; charset=utf-8", text: "Internal Server Error" }),
  },
  {
    recipientId: 502,
    name: "HTML 502 from a gateway",
    answer: () => ({
      type: "raw",
      httpStatus: 502,
      contentType: "text/html; charset=utf-8",
      text: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
    }),
  },
  { recipientId: 504, name: "Success, but slower than the desk's timeout (SIM_SLOW_MS)", answer: (_s, slowMs) => ({ type: "slow", delayMs: slowMs }) },
  {
    recipientId: 422,
    name: "HTTP 200 with malformed JSON",
    answer: () => ({ type: "raw", httpStatus: 200, contentType: "application/json", text: '{"status": 2133, "response_status_id": 1, "data": {"otp_ref_id": "zCIS' }),
  },
];

export function scenarioFor(recipientId: number): Scenario | undefined {
  return SCENARIOS.find((s) => s.recipientId === recipientId);
}

/**
 * How a transfer to one of these recipients goes, for the demo and the tests (issue #18); a transfer to any other
 * recipient succeeds. Their Send Transaction OTP answers as for any recipient.
 */
export type TransferScenario = {
  recipientId: number;
  name: string;
  txStatus: number;
  /** Transaction Inquiry answers `txStatus` this many times, then success (an awaited NEFT that settles). */
  settlesAfterInquiries?: number;
  /** The request never reaches Eko's books: no answer in time, the OTP unspent, and inquiry finds nothing. */
  lostBeforeRecording?: boolean;
};

export const TRANSFER_SCENARIOS: TransferScenario[] = [
  { recipientId: 10017741, name: "Failed (tx_status 1)", txStatus: 1 },
  { recipientId: 10017742, name: "NEFT awaited (tx_status 2), a success at the third inquiry", txStatus: 2, settlesAfterInquiries: 2 },
  { recipientId: 10017743, name: "Refund pending (tx_status 3): Eko texts the refund OTP", txStatus: 3 },
  { recipientId: 10017745, name: "On hold (tx_status 5)", txStatus: 5 },
  { recipientId: 10017749, name: "Lost before Eko recorded it: no answer, and inquiry finds nothing", txStatus: 0, lostBeforeRecording: true },
];

export function transferScenarioFor(recipientId: number): TransferScenario | undefined {
  return TRANSFER_SCENARIOS.find((s) => s.recipientId === recipientId);
}

/** Eko's words for each `tx_status` (its error-code tables). */
export const TX_STATUS_DESC: Record<number, string> = {
  0: "Success",
  1: "Failed",
  2: "Initiated",
  3: "Refund Pending",
  4: "Refunded",
  5: "Hold",
};
