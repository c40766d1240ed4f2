const INDIA_TIME = new Intl.DateTimeFormat("en-IN", {
  timeZone: "Asia/Kolkata",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
  hour12: true,
});

/** Times are kept in UTC and shown in India time, labelled, whatever the device's own zone. */
export function formatIndiaTime(iso: string): string {
  return `${INDIA_TIME.format(new Date(iso))} IST`;
}

const INDIA_CLOCK = new Intl.DateTimeFormat("en-IN", { timeZone: "Asia/Kolkata", hour: "numeric", minute: "2-digit", hour12: true });
const INDIA_DAY_CLOCK = new Intl.DateTimeFormat("en-IN", {
  timeZone: "Asia/Kolkata",
  day: "numeric",
  month: "short",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
});

/** "10:42 pm IST", or "27 Nov, 10:42 pm IST" with the date: for telling an agent when to come back. */
export function formatIndiaClock(iso: string, options: { withDate?: boolean } = {}): string {
  return `${(options.withDate ? INDIA_DAY_CLOCK : INDIA_CLOCK).format(new Date(iso))} IST`;
}

export function formatRupees(amount: number): string {
  return `₹${amount.toLocaleString("en-IN")}`;
}
