import type { RefundRow, RefundState } from "@/lib/db/schema";

/** A refund as the agent's screens and its receipt show it: serialisable, no mobile, no OTP. */
export type RefundView = {
  ref: string;
  state: RefundState;
  /** The transfer's amount, rupees. */
  amount: number;
  refundTid: string | null;
  /** Rupees, as Eko reported them (its 74 answer); null when an inquiry settled the refund. */
  refunded: number | null;
  fee: number | null;
  createdAt: string;
  settledAt: string | null;
  /** Eko is still being asked whether the refund went through. */
  checking: boolean;
  /** Not settled after the inquiry schedule ran out: a person takes it up with Eko. */
  needsPerson: boolean;
  eko: { status: number | null; message: string | null } | null;
  failureReason: string | null;
};

const rupees = (paise: number | null) => (paise === null ? null : paise / 100);
const OPEN: ReadonlySet<RefundState> = new Set(["pending", "unknown"]);
export const refundOpen = (state: RefundState) => OPEN.has(state);

export function refundViewOf(row: RefundRow): RefundView {
  const open = refundOpen(row.state);
  return {
    ref: row.clientRefId,
    state: row.state,
    amount: row.amount,
    refundTid: row.refundTid,
    refunded: rupees(row.refundedPaise),
    fee: rupees(row.feePaise),
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
    checking: open && (row.state === "pending" || row.nextCheckAt !== null),
    needsPerson: open && row.state === "unknown" && row.nextCheckAt === null,
    eko: row.ekoStatus === null && row.ekoMessage === null ? null : { status: row.ekoStatus, message: row.ekoMessage },
    failureReason: row.failureReason,
  };
}
