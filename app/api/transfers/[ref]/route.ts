import { guardedRoute } from "@/lib/auth/guard";
import { getAgentRefundStep } from "@/lib/refunds/queries";
import { getAgentTransfer } from "@/lib/transfers/queries";

/** The agent's own transfer as it stands, with its latest refund: the screen polls this while Eko is being asked. */
export const GET = guardedRoute("counter", async (request, user, { params }: { params: Promise<{ ref: string }> }) => {
  const { ref } = await params;
  const transfer = await getAgentTransfer(ref, user.username);
  if (!transfer) return Response.json({ error: "Not found" }, { status: 404 });
  const refund = (await getAgentRefundStep(ref, user.username))?.latest ?? null;
  return Response.json({ ...transfer, refund }, { headers: { "cache-control": "no-store" } });
});
