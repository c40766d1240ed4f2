-- The OTP path's common case in one round trip: the agent's session is read and admitted together. Resolves the
-- session token the way lib/auth/session-fast-path.ts does (it exists, is not due for better-auth's sliding refresh,
-- its account is an enabled agent with a username and an Eko user code), then admits exactly as
-- desk_admit_otp_request does, as that agent. Anything else answers 'session' having written nothing: the caller then
-- takes the full way (better-auth reads the session; refusals are answered there).
CREATE OR REPLACE FUNCTION desk_admit_for_session(
  p_session_token text, p_fresh_after timestamptz,
  p_client_ref_id varchar, p_submission_id varchar,
  p_mobile_hash char(64), p_mobile_last4 char(4), p_mobile_encrypted text,
  p_recipient_id bigint, p_beneficiary_id text, p_amount integer, p_created_at timestamptz,
  p_mobile_since timestamptz[], p_mobile_max integer[], p_agent_since timestamptz[], p_agent_max integer[],
  p_stopped_at_desk text[]
) RETURNS TABLE (outcome text, user_id text, username text, user_code text) AS $$
DECLARE
  agent record;
BEGIN
  SELECT u.id, u.username, u.user_code INTO agent
    FROM auth_sessions s JOIN auth_users u ON u.id = s.user_id
   WHERE s.token = p_session_token AND s.expires_at > p_fresh_after
     AND NOT u.disabled AND u.role = 'agent' AND u.username IS NOT NULL AND u.user_code IS NOT NULL;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'session'::text, NULL::text, NULL::text, NULL::text;
    RETURN;
  END IF;
  RETURN QUERY SELECT desk_admit_otp_request(
    p_client_ref_id, p_submission_id, agent.username, agent.id, agent.user_code,
    p_mobile_hash, p_mobile_last4, p_mobile_encrypted, p_recipient_id, p_beneficiary_id, p_amount, p_created_at,
    p_mobile_since, p_mobile_max, p_agent_since, p_agent_max, p_stopped_at_desk
  ), agent.id, agent.username, agent.user_code;
END;
$$ LANGUAGE plpgsql;
