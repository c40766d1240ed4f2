import { requireRoutePermission } from "@/lib/auth/guard";
import { getAgentRefundStep } from "@/lib/refunds/queries";
import { getAgentTransfer } from "@/lib/transfers/queries";

/** The agent's own transfer as it stands, with its latest refund: the screen polls this while Eko is being asked. */
export async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const access = await requireRoutePermission(request, "counter");
  if (!access.ok) return access.response;
  const { ref } = await params;
  const transfer = await getAgentTransfer(ref, access.user.username);
  if (!transfer) return Response.json({ error: "Not found" }, { status: 404 });
  const refund = (await getAgentRefundStep(ref, access.user.username))?.latest ?? null;
  return Response.json({ ...transfer, refund }, { headers: { "cache-control": "no-store" } });
}
