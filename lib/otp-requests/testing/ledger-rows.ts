import type { Db } from "@/lib/db/open";
import { otpRequests, type NewOtpRequestRow, type OtpRequestState } from "@/lib/db/schema";
import { MobileVault } from "@/lib/privacy/mobile-vault";
import type { ReviewQuery } from "../review-repository";
import type { UrlFilters } from "../review-filters";

/** A fixed 32-byte master key, so hashes are stable across runs. */
export const testVault = new MobileVault(Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex"));

export const MOBILES = { x: "9876543210", y: "9123456789", z: "8000012345" } as const;

/** Pending rows created before this read as `unknown`. */
export const STALE_BEFORE = new Date("2026-11-26T11:59:35.000Z");

export type RowSpec = {
  at: string | Date;
  mobile?: string;
  agent?: string;
  amount?: number;
  recipientId?: number;
  beneficiaryId?: string | null;
  state?: OtpRequestState;
  latencyMs?: number | null;
  ekoStatus?: number | null;
  ekoMessage?: string | null;
};

let sequence = 0;

export function ledgerRow(spec: RowSpec): NewOtpRequestRow {
  sequence += 1;
  const createdAt = new Date(spec.at);
  const state = spec.state ?? "sent";
  return {
    clientRefId: `T${String(sequence).padStart(11, "0")}`,
    agent: spec.agent ?? "asha",
    userCode: "20810200",
    ...testVault.protect(spec.mobile ?? MOBILES.x),
    recipientId: spec.recipientId ?? 10017740,
    beneficiaryId: spec.beneficiaryId ?? null,
    amount: spec.amount ?? 110,
    state,
    otpRefId: state === "sent" ? `otp-${sequence}` : null,
    ekoStatus: spec.ekoStatus ?? (state === "sent" ? 0 : null),
    ekoMessage: spec.ekoMessage ?? null,
    latencyMs: spec.latencyMs === undefined ? (state === "pending" ? null : 250) : spec.latencyMs,
    createdAt,
    completedAt: state === "pending" ? null : new Date(createdAt.getTime() + 250),
  };
}

/** Inserts the rows in the given order (ids follow it) with their explicit `createdAt`. */
export async function insertRows(db: Db, specs: RowSpec[]): Promise<void> {
  if (specs.length > 0) await db.insert(otpRequests).values(specs.map(ledgerRow));
}

export function reviewQuery(filters: UrlFilters = {}, extra: Partial<ReviewQuery> = {}): ReviewQuery {
  return { filters, staleBefore: STALE_BEFORE, ...extra };
}

/** `count` instants, `stepMs` apart from `start`, with `perInstant` rows sharing each one. */
export function instants(start: string, count: number, stepMs: number, perInstant = 1): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(new Date(start).getTime() + Math.floor(i / perInstant) * stepMs));
}
