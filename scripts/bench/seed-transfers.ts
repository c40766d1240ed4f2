/** Of the OTP requests Eko sent, the share an agent goes on to spend on a transfer (the rest: customer walked away, OTP expired). */
export const TRANSFER_SHARE = 0.75;

/**
 * Transfers for the sent OTP requests among seeded rows `lo..hi` (by their client_ref_id, so the unique index finds
 * them), one per request, 20 s to 2 min after it (never after `endMs`), for its amount. State mix: 90% success, 3% refused (a wrong OTP),
 * 2% failed, 1% each awaited (NEFT), refund pending, refunded; 0.5% each on hold, in progress, unknown, not found.
 * Eko's fee: 1% of the amount, at least ₹10, on every transfer that moved money.
 */
export function transferChunkSql(lo: number, hi: number, endMs: number): string {
  const ref = (n: number) => `'LB${String(n).padStart(12, "0")}'`;
  const moved = `('success', 'awaited', 'refund-pending', 'refunded', 'on-hold', 'in-progress')`;
  return `
insert into transfers (client_ref_id, agent, user_code, submission_id, otp_request_id, customer_mobile_hash, customer_mobile_last4,
  recipient_id, beneficiary_id, amount, channel, state, tx_status, tx_status_text, tid, bank_ref, fee_paise, collectable_paise,
  recipient_name, recipient_bank, recipient_account_masked, failure_reason, eko_status, eko_response_status_id, eko_response_type_id,
  eko_message, http_status, latency_ms, checks, last_check_at, next_check_at, created_at, completed_at, settled_at)
select
  'LT' || lpad(id::text, 12, '0'), agent, user_code, 'bench-transfer-' || lpad(id::text, 12, '0'), id, customer_mobile_hash,
  customer_mobile_last4, recipient_id, beneficiary_id, amount, channel, state, tx_status,
  case tx_status when 0 then 'Success' when 1 then 'Failed' when 2 then 'Initiated' when 3 then 'Refund Pending'
    when 4 then 'Refunded' when 5 then 'Hold' when 6 then 'Response Awaited' end,
  case when state in ${moved} then 'T' || lpad(id::text, 11, '0') end,
  case when state = 'success' then lpad(((id * 7919) % 1000000000000)::text, 12, '0') end,
  fee, case when fee is not null then amount * 100 + fee end,
  'Bench Recipient ' || (recipient_id % 1000), (array['State Bank of India', 'HDFC Bank', 'Punjab National Bank', 'ICICI Bank'])[1 + recipient_id % 4],
  'XXXXXXXX' || lpad((recipient_id % 10000)::text, 4, '0'),
  case state when 'unknown' then 'timeout' when 'not-found' then 'timeout' end,
  case when state = 'refused' then 1 when state in ('unknown', 'not-found') then null else 0 end,
  case when state = 'refused' then 1 when state in ('unknown', 'not-found') then null else 0 end,
  case when state = 'refused' then 302 when state in ('unknown', 'not-found') then null else 325 end,
  case state when 'refused' then 'Wrong OTP, please try again' when 'unknown' then null when 'not-found' then null else 'Transaction successful' end,
  case when state in ('unknown', 'not-found') then null else 200 end,
  latency, checks, case when checks > 0 then created_at + interval '5 minutes' end,
  case when state in ('awaited', 'on-hold', 'in-progress', 'unknown') then created_at + interval '30 minutes' end,
  created_at, created_at + latency * interval '1 millisecond',
  case when state not in ('awaited', 'on-hold', 'in-progress', 'unknown') then created_at + latency * interval '1 millisecond' end
from (
  select *,
    case state when 'success' then 0 when 'failed' then 1 when 'awaited' then 2 when 'refund-pending' then 3
      when 'refunded' then 4 when 'on-hold' then 5 when 'in-progress' then 6 end as tx_status,
    case when state in ${moved} then greatest(1000, amount) end as fee,
    case when state in ('unknown', 'not-found') then 30000 else 300 + floor(power(l, 2) * 4700)::int end as latency,
    case when state in ('unknown', 'not-found', 'awaited', 'on-hold', 'in-progress', 'refund-pending', 'refunded') then 1 + (id % 3)::int else 0 end as checks
  from (
    select o.id, o.agent, o.user_code, o.customer_mobile_hash, o.customer_mobile_last4, o.recipient_id, o.beneficiary_id, o.amount,
      case when o.id % 10 = 0 then 2 else 0 end as channel, random() as l,
      least(o.created_at + (20 + floor(random() * 100)) * interval '1 second', to_timestamp(${endMs / 1000})) as created_at,
      case when r < 0.90 then 'success' when r < 0.93 then 'refused' when r < 0.95 then 'failed' when r < 0.96 then 'awaited'
        when r < 0.97 then 'refund-pending' when r < 0.98 then 'refunded' when r < 0.985 then 'on-hold' when r < 0.99 then 'in-progress'
        when r < 0.995 then 'unknown' else 'not-found' end as state
    from (select *, random() as r, random() as r2 from otp_requests where client_ref_id between ${ref(lo)} and ${ref(hi)} and state = 'sent') o
    where r2 < ${TRANSFER_SHARE}
  ) picked
) s`;
}
