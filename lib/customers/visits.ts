import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { customerVisits, type CustomerVisitRow, type VisitState } from "@/lib/db/schema";
import type { CustomerCard, LookUpResult, RecipientChoice, VisitNote } from "./visit-result";

/** A visit not verified within this long is over: Eko's verification OTP will have expired too. */
export const LOOK_UP_VALID_MS = 15 * 60 * 1000;

export { isVisitId } from "./visit-id";

/** Unguessable, and safe in an address: the page of one customer at one agent's counter. */
export const newVisitId = () => randomBytes(16).toString("base64url");

export type NewVisit = Pick<
  CustomerVisitRow,
  "id" | "sessionId" | "agent" | "submissionId" | "customerMobileHash" | "customerMobileLast4" | "customerMobileEncrypted" | "createdAt" | "expiresAt"
>;

/** The visit, or null when this submission already made one. */
export async function insertVisit(db: Db, visit: NewVisit): Promise<CustomerVisitRow | null> {
  const [row] = await db.insert(customerVisits).values(visit).onConflictDoNothing({ target: customerVisits.submissionId }).returning();
  return row ?? null;
}

export async function findVisitBySubmission(db: Db, submissionId: string): Promise<CustomerVisitRow | undefined> {
  const [row] = await db.select().from(customerVisits).where(eq(customerVisits.submissionId, submissionId)).limit(1);
  return row;
}

/** Only the session's own, unexpired visit: another agent's (or another sign-in's) reference finds nothing. */
export async function findVisit(db: Db, id: string, sessionId: string, now: Date): Promise<CustomerVisitRow | undefined> {
  const [row] = await db
    .select()
    .from(customerVisits)
    .where(and(eq(customerVisits.id, id), eq(customerVisits.sessionId, sessionId), gt(customerVisits.expiresAt, now)))
    .limit(1);
  return row;
}

export type VisitChange = Partial<{
  state: VisitState;
  senderOtpRefId: string | null;
  walletTokenSealed: string | null;
  profile: CustomerCard;
  recipients: RecipientChoice[];
  recipientsReadAt: Date | null;
  /** The look-up's answer, with the enrolment's note once there is one (a repeated look-up is shown the same). */
  result: LookUpResult & { note?: VisitNote };
  expiresAt: Date;
}>;

export async function updateVisit(db: Db, id: string, change: VisitChange): Promise<void> {
  await db.update(customerVisits).set(change).where(eq(customerVisits.id, id));
}
