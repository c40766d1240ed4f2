/** The one request the suite's database holds from before today (seed-earlier-request.ts writes it). */
export const EARLIER_REQUEST = { daysAgo: 3, agent: "e2e-earlier-agent", mobile: "6999990301", amount: 1301 } as const;
