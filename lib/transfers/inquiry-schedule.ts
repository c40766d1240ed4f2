/**
 * When to ask Eko again about a transfer whose outcome is not final: at once, then after about 5 s, 15 s, 45 s, 2 min
 * and 5 min, then every 15 min, until 24 h after the transfer; after that a person must look (null).
 */
const STEPS_MS = [0, 5_000, 15_000, 45_000, 120_000, 300_000];
const EVERY_MS = 15 * 60_000;
export const INQUIRY_HORIZON_MS = 24 * 60 * 60_000;

/** The moment of check number `checksDone + 1`, counted from the last check (or from the transfer, for the first). */
export function nextInquiryAt(transferAt: Date, lastCheckAt: Date | null, checksDone: number): Date | null {
  const wait = STEPS_MS[checksDone] ?? EVERY_MS;
  const next = new Date((lastCheckAt ?? transferAt).getTime() + wait);
  return next.getTime() - transferAt.getTime() > INQUIRY_HORIZON_MS ? null : next;
}
