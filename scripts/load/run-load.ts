import { randomInt, randomUUID } from "node:crypto";
import type { ActionTarget } from "./capture";
import { postAction } from "./http-agent";

/** `latlong`: what the agent's browser gives the transfer form, for an agent whose shop has no location set. */
export type LoadAgent = { baseUrl: string; cookie: string; latlong?: string };
/** What an agent does with an OTP Eko sent (the transfer), before thinking again. */
export type AfterSent = (agent: LoadAgent, sent: { customerMobile: string; result: Record<string, unknown> }) => Promise<void>;
export type Sample = { ms: number; outcome: string; httpStatus: number };
export type LoadResult = { samples: Sample[]; submissionIds: string[]; seconds: number };

const mobileFrom = (pool: number) => `9${String(100_000_000 + randomInt(pool)).padStart(9, "0")}`;
// Mostly ordinary recipients; now and then one the simulator refuses (347 balance, 945 monthly limit). Transfers to
// 10017741-3 and 10017745 end failed, NEFT awaited (then success), refund pending and on hold (lib/eko-sim/scenarios.ts).
const RECIPIENTS = ["10017740", "10017741", "10017742", "10017743", "10017744", "10017745", "10017746", "10017747", "347", "945"];

/**
 * Each agent submits (then transfers, with `afterSent`), waits `thinkMs`, and submits again until the time is up;
 * every submission has its own id. Mobiles come from a pool small enough that the per-customer limits are met now and then.
 */
export async function runLoad(options: {
  agents: LoadAgent[];
  action: ActionTarget;
  seconds: number;
  thinkMs: number;
  mobilePool: number;
  afterSent?: AfterSent;
}): Promise<LoadResult> {
  const samples: Sample[] = [];
  const submissionIds: string[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    options.agents.map(async (agent) => {
      while (performance.now() < deadline) {
        const submissionId = randomUUID();
        const values = {
          recipientId: RECIPIENTS[randomInt(RECIPIENTS.length)],
          amount: String(100 + randomInt(24_900)),
          customerMobile: mobileFrom(options.mobilePool),
          beneficiaryId: "",
        };
        const t0 = performance.now();
        submissionIds.push(submissionId);
        let sent: Record<string, unknown> | null = null;
        try {
          const reply = await postAction(agent.baseUrl, options.action, [{ submissionId, values }], agent.cookie);
          const outcome = typeof reply.result?.status === "string" ? reply.result.status : `http-${reply.httpStatus}`;
          samples.push({ ms: performance.now() - t0, outcome, httpStatus: reply.httpStatus });
          if (outcome === "sent") sent = reply.result;
        } catch {
          samples.push({ ms: performance.now() - t0, outcome: "network-error", httpStatus: 0 });
        }
        if (sent && options.afterSent) await options.afterSent(agent, { customerMobile: values.customerMobile, result: sent });
        await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
      }
    }),
  );
  return { samples, submissionIds, seconds: (performance.now() - started) / 1000 };
}
