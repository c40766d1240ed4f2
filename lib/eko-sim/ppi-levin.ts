import type { EkoBody, EkoShapes } from "./fixtures";
import type { PpiLevinState, SimTransaction } from "./ppi-levin-state";
import { enrolmentAnswer, senderProfile } from "./enrolment";
import { refusal, withData } from "./envelopes";
import { addRecipientAnswer } from "./recipients";
import { transferScenarioFor, TX_STATUS_DESC, validationError, type SimAnswer } from "./scenarios";

export type PpiLevinRequest = { method: string; path: string; body: EkoBody; query: URLSearchParams };
export type Handled = { verdict: string; answer: SimAnswer };

const json = (body: EkoBody): SimAnswer => ({ type: "json", httpStatus: 200, body });

/** What Initiate Transaction and Transaction Inquiry both say of a transaction: a bank reference only once it succeeded. */
function transactionData(t: SimTransaction): EkoBody {
  const bankReference = t.txStatus === 0 ? String(250_000_000_000 + Number(t.tid)) : "";
  return {
    tx_status: String(t.txStatus),
    txstatus_desc: TX_STATUS_DESC[t.txStatus] ?? "Response Awaited",
    tid: t.tid,
    fee: `${t.fee}.0`,
    bank_ref_num: bankReference,
    utrnumber: bankReference,
  };
}

/**
 * PPI Levin's operations besides Send Transaction OTP, with state: customers in the fixtures' states, the OTPs the
 * simulator "texts", wallet tokens, recipients, transactions and refunds. Null when the path is none of them.
 */
export function handlePpiLevin(state: PpiLevinState, shapes: EkoShapes, request: PpiLevinRequest): Handled | null {
  const { method, path, body } = request;
  const sender = /^\/customer\/payment\/ppi-levin\/sender\/([^/]+)(\/.*)?$/.exec(path);
  if (sender) {
    const mobile = decodeURIComponent(sender[1] ?? "");
    if (!/^[6-9]\d{9}$/.test(mobile)) return { verdict: "463: customer_id", answer: json(structuredClone(shapes.customerNotFound)) };
    const c = state.customer(mobile);
    const rest = sender[2] ?? "";
    if (method === "GET" && rest === "") {
      if (c.state === "not-enrolled") return { verdict: "308: not enrolled", answer: json(structuredClone(shapes.senderNotEnrolled)) };
      const otp = state.issueOtp(mobile, "sender");
      return { verdict: "2129: sender OTP texted", answer: json(withData(shapes.getSender, { otp_ref_id: otp.otpRefId })) };
    }
    if (method === "POST" && rest === "/otp/verify") {
      const spent = state.spendOtp(body.otp_ref_id, body.otp, "sender");
      if (typeof spent === "string")
        return { verdict: `2138: OTP ${spent}`, answer: json(refusal(2138, spent === "expired" ? "OTP expired" : "Invalid OTP")) };
      if (c.state === "aadhaar-pending") return { verdict: "2136: Aadhaar pending", answer: json(structuredClone(shapes.aadhaarPending)) };
      if (c.state === "pan-required") return { verdict: "2147: PAN required", answer: json(structuredClone(shapes.panRequired)) };
      const data = {
        customer_profile: senderProfile(shapes, c),
        wallet_token: state.issueWalletToken(mobile),
        next_allowed_limit: c.monthlyLimit - c.used,
      };
      return { verdict: "309: verified", answer: json(withData(shapes.verifySender, data)) };
    }
    const enrolment = enrolmentAnswer(state, shapes, c, method, rest, body);
    if (enrolment) return { verdict: enrolment.verdict, answer: json(enrolment.body) };
    if (method === "GET" && rest === "/recipients") {
      if (c.state === "not-enrolled") return { verdict: "308: not enrolled", answer: json(structuredClone(shapes.senderNotEnrolled)) };
      const data = { recipient_list: structuredClone(c.recipients), remaining_limit_before_pan_required: c.monthlyLimit - c.used };
      return { verdict: `23: ${c.recipients.length} recipients`, answer: json(withData(shapes.recipients, data)) };
    }
    if (method === "POST" && rest === "/recipient") {
      const added = addRecipientAnswer(state, shapes, mobile, body);
      return { verdict: added.verdict, answer: json(added.body) };
    }
    if (method === "POST" && rest === "/bank/recipient") {
      if (!state.walletTokenValid(body.wallet_token, mobile))
        return { verdict: "wallet token refused", answer: json(refusal(1, "Invalid or expired wallet token", -1)) };
      const recipient = c.recipients.find((r) => String(r.recipient_id) === String(body.recipient_id));
      if (!recipient) return { verdict: "313: no such recipient", answer: json(refusal(313, "Recipient registration not done")) };
      recipient.beneficiary_id ??= String(40_000 + (recipient.recipient_id % 10_000));
      return {
        verdict: "1741: beneficiary added",
        answer: json(withData(shapes.addRecipientBank, { beneficiary_id: String(recipient.beneficiary_id) })),
      };
    }
    return null;
  }

  if (method === "POST" && path === "/customer/payment/ppi-levin") {
    const scenario = transferScenarioFor(Number(body.recipient_id));
    if (scenario?.lostBeforeRecording) return { verdict: `scenario: ${scenario.name}`, answer: { type: "hang" } };
    const sameRequest = (issued: { amount?: number; recipientId?: number; to: string }) =>
      issued.amount === Number(body.amount) && issued.recipientId === Number(body.recipient_id) && issued.to === body.customer_id;
    const spent = state.spendOtp(body.otp_ref_id, body.otp, "transaction", sameRequest);
    if (spent === "expired") return { verdict: "303: OTP expired", answer: json(refusal(303, "OTP expired")) };
    if (spent === "mismatch") {
      return {
        verdict: "461: differs from the OTP request",
        answer: json(validationError(shapes, { amount: "Amount or recipient differs from the OTP request" })),
      };
    }
    if (typeof spent === "string") return { verdict: `302: OTP ${spent}`, answer: json(refusal(302, "Wrong OTP")) };
    const amount = Number(body.amount);
    const fee = 4;
    const txStatus = scenario?.txStatus ?? 0;
    const t = state.recordTransaction({
      clientRefId: String(body.client_ref_id),
      customer: spent.to,
      recipientId: spent.recipientId ?? 0,
      amount,
      fee,
      txStatus,
      settlesAfterInquiries: scenario?.settlesAfterInquiries,
    });
    // A failed transfer moves nothing; one pending refund has Eko text the customer the refund OTP by itself.
    if (txStatus !== 1) state.customer(spent.to).used += amount;
    if (txStatus === 3) state.issueOtp(spent.to, "refund", { tid: t.tid });
    const recipient = state.customer(spent.to).recipients.find((r) => r.recipient_id === t.recipientId);
    const data = {
      ...transactionData(t),
      ...(recipient ? { recipient_name: recipient.recipient_name, bank: recipient.bank, account: recipient.account } : {}),
      amount: `${amount}.00`,
      collectable_amount: `${amount + fee}.0`,
      customer_id: spent.to,
      recipient_id: t.recipientId,
    };
    return { verdict: `325: tx_status ${txStatus}, tid ${t.tid}`, answer: json(withData(shapes.initiateTransaction, data)) };
  }

  const inquiry = /^\/tools\/reference\/transaction\/(.+)$/.exec(path);
  if (method === "GET" && inquiry) {
    const t = state.findTransaction(decodeURIComponent(inquiry[1] ?? ""));
    if (!t) return { verdict: "no such transaction", answer: json(refusal(1, "Transaction not found", -1)) };
    t.inquiries += 1;
    if (t.settlesAfterInquiries !== undefined && t.inquiries > t.settlesAfterInquiries) t.txStatus = 0;
    const data = { ...transactionData(t), client_ref_id: t.clientRefId, amount: `${t.amount}.0` };
    return { verdict: `1472: tx_status ${t.txStatus}`, answer: json(withData(shapes.inquiry, data)) };
  }

  const refund = /^\/customer\/payment\/refund\/([^/]+)(\/otp)?$/.exec(path);
  if (method === "POST" && refund) {
    const t = state.findTransaction(decodeURIComponent(refund[1] ?? ""));
    if (!t || t.txStatus !== 3) return { verdict: "not refundable", answer: json(refusal(1, "Transaction is not in refund pending state", -1)) };
    if (refund[2]) {
      const otp = state.issueOtp(t.customer, "refund", { tid: t.tid });
      return { verdict: "2133: refund OTP texted", answer: json(withData(shapes.refundOtp, { otp_ref_id: otp.otpRefId })) };
    }
    const spent = state.spendOtp(body.otp_ref_id, body.otp, "refund");
    if (typeof spent === "string" || spent.tid !== t.tid) return { verdict: "302: refund OTP", answer: json(refusal(302, "Wrong OTP")) };
    t.txStatus = 4;
    const data = {
      tid: t.tid,
      refund_tid: String(Number(t.tid) + 500_000_000),
      amount: `${t.amount}.00`,
      refunded_amount: `${t.amount + t.fee}.00`,
      fee: `${t.fee}.0`,
    };
    return { verdict: "74: refunded", answer: json(withData(shapes.refund, data)) };
  }
  return null;
}
