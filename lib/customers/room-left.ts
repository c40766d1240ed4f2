import "server-only";
import { and, eq, gte, notInArray, sum } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { MONEY_NOT_MOVED, transfers, type CustomerVisitRow, type TransferState } from "@/lib/db/schema";
import type { CustomerCard } from "./visit-result";

/** Transfers that did not use up the customer's month: no money moved, Eko failed it, or it was refunded. */
const NOT_SPENT: TransferState[] = [...MONEY_NOT_MOVED, "failed", "refunded"];

/**
 * The card as it stands now: Eko's figures at verification, less what this customer has sent since the look-up
 * (any agent's transfers that may have moved money). Verification is the only way to ask Eko again, and an amount it
 * would refuse must not cost the customer an OTP SMS first.
 */
export async function cardNow(db: Db, card: CustomerCard, visit: Pick<CustomerVisitRow, "customerMobileHash" | "createdAt">): Promise<CustomerCard> {
  if (card.remaining === null) return card;
  const [row] = await db
    .select({ spent: sum(transfers.amount) })
    .from(transfers)
    .where(and(eq(transfers.customerMobileHash, visit.customerMobileHash), gte(transfers.createdAt, visit.createdAt), notInArray(transfers.state, NOT_SPENT)));
  const spent = Number(row?.spent ?? 0);
  if (spent === 0) return card;
  return { ...card, remaining: Math.max(0, card.remaining - spent), used: card.used === null ? null : card.used + spent };
}
