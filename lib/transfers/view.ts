import type { TransferRow, TransferState } from "@/lib/db/schema";
import { MONEY_NOT_MOVED } from "@/lib/db/schema-states";
import { maskMobile } from "@/lib/privacy/mask";
import { awaitsEko } from "./tx-status";

/** A transfer as the agent's screens and the receipt show it: serialisable, no full mobile or account. */
export type TransferView = {
  ref: string;
  state: TransferState;
  amount: number;
  customerMobileMasked: string;
  recipientId: number;
  beneficiaryId: string | null;
  recipientName: string | null;
  recipientBank: string | null;
  recipientAccountMasked: string | null;
  tid: string | null;
  bankRef: string | null;
  /** Rupees, as Eko reported them. */
  fee: number | null;
  collectable: number | null;
  createdAt: string;
  settledAt: string | null;
  lastCheckAt: string | null;
  checks: number;
  /** Eko is still being asked (at once, then on the schedule). */
  checking: boolean;
  /** Not final after the inquiry schedule ran out: a person must take it up with Eko. */
  needsPerson: boolean;
  /** Eko's own words and code when it refused or failed the transfer. */
  eko: { status: number | null; message: string | null } | null;
  failureReason: string | null;
  agent: string;
  /** The agent's Eko user_code: the shop as Eko knows it. */
  userCode: string;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const rupees = (paise: number | null) => (paise === null ? null : paise / 100);

export function transferViewOf(row: TransferRow): TransferView {
  const open = awaitsEko(row.state);
  return {
    ref: row.clientRefId,
    state: row.state,
    amount: row.amount,
    customerMobileMasked: maskMobile(row.customerMobileLast4),
    recipientId: row.recipientId,
    beneficiaryId: row.beneficiaryId,
    recipientName: row.recipientName,
    recipientBank: row.recipientBank,
    recipientAccountMasked: row.recipientAccountMasked,
    tid: row.tid,
    bankRef: row.bankRef,
    fee: rupees(row.feePaise),
    // Eko's inquiry answer carries no collectable_amount; its Initiate answers show it is the amount plus the fee.
    collectable: rupees(row.collectablePaise) ?? (row.state === "success" && row.feePaise !== null ? row.amount + row.feePaise / 100 : null),
    createdAt: row.createdAt.toISOString(),
    settledAt: iso(row.settledAt),
    lastCheckAt: iso(row.lastCheckAt),
    checks: row.checks,
    checking: open && row.nextCheckAt !== null,
    needsPerson: open && row.nextCheckAt === null,
    eko: row.ekoStatus === null && row.ekoMessage === null ? null : { status: row.ekoStatus, message: row.ekoMessage },
    failureReason: row.failureReason,
    agent: row.agent,
    userCode: row.userCode,
  };
}

/** Eko moved no money: the OTP request may be used again, or a new OTP sent. */
export const movedNoMoney = (state: TransferState) => MONEY_NOT_MOVED.includes(state);

/** Nothing moved, or Eko failed the transfer (its OTP is spent): the agent may send a new OTP for another try. */
export const mayResendOtp = (state: TransferState) => movedNoMoney(state) || state === "failed";
