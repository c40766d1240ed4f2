-- Admission of one OTP request in a single round trip: the per-customer and per-agent advisory locks (the same keys,
-- in the same order, as lib/otp-requests/limits.ts takes them), a check for the submission already recorded, the
-- three limit windows, and the pending row. Each statement in a PL/pgSQL function sees what committed before it
-- started, so the counts after the locks are exact. The windows' starts and sizes come from the caller; what counts
-- towards a limit (not refused by a limit, not stopped before Eko) must match `wentTowardsEko` in limits.ts.
-- Returns 'admitted', 'recorded' (the submission has a row already) or 'full' (a window is full: the caller then
-- records the refusal with its reason, under the same locks, in limits.ts).
CREATE OR REPLACE FUNCTION desk_admit_otp_request(
  p_client_ref_id varchar, p_submission_id varchar, p_agent text, p_agent_id text, p_user_code text,
  p_mobile_hash char(64), p_mobile_last4 char(4), p_mobile_encrypted text,
  p_recipient_id bigint, p_beneficiary_id text, p_amount integer, p_created_at timestamptz,
  p_mobile_since timestamptz[], p_mobile_max integer[], p_agent_since timestamptz[], p_agent_max integer[],
  p_stopped_at_desk text[]
) RETURNS text AS $$
DECLARE
  i integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('levin-desk:otp-limit:mobile'), hashtext(p_mobile_hash));
  PERFORM pg_advisory_xact_lock(hashtext('levin-desk:otp-limit:agent'), hashtext(p_agent));
  IF EXISTS (SELECT 1 FROM otp_requests WHERE submission_id = p_submission_id) THEN
    RETURN 'recorded';
  END IF;
  FOR i IN 1 .. coalesce(array_length(p_mobile_since, 1), 0) LOOP
    IF EXISTS (
      SELECT 1 FROM otp_requests
      WHERE customer_mobile_hash = p_mobile_hash AND created_at > p_mobile_since[i]
        AND state <> 'limited' AND coalesce(failure_reason, '') <> ALL (p_stopped_at_desk)
      ORDER BY created_at DESC OFFSET p_mobile_max[i] - 1 LIMIT 1
    ) THEN
      RETURN 'full';
    END IF;
  END LOOP;
  FOR i IN 1 .. coalesce(array_length(p_agent_since, 1), 0) LOOP
    IF EXISTS (
      SELECT 1 FROM otp_requests
      WHERE agent = p_agent AND created_at > p_agent_since[i]
        AND state <> 'limited' AND coalesce(failure_reason, '') <> ALL (p_stopped_at_desk)
      ORDER BY created_at DESC OFFSET p_agent_max[i] - 1 LIMIT 1
    ) THEN
      RETURN 'full';
    END IF;
  END LOOP;
  INSERT INTO otp_requests (
    client_ref_id, submission_id, agent, agent_id, user_code, customer_mobile_hash, customer_mobile_last4,
    customer_mobile_encrypted, recipient_id, beneficiary_id, amount, state, created_at
  ) VALUES (
    p_client_ref_id, p_submission_id, p_agent, p_agent_id, p_user_code, p_mobile_hash, p_mobile_last4,
    p_mobile_encrypted, p_recipient_id, p_beneficiary_id, p_amount, 'pending', p_created_at
  ) ON CONFLICT (submission_id) DO NOTHING;
  IF NOT FOUND THEN
    RETURN 'recorded';
  END IF;
  RETURN 'admitted';
END;
$$ LANGUAGE plpgsql;
