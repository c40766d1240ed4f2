-- The OTP admission's rules (limits, windows, what counts) live in TypeScript only (lib/otp-requests/limits.ts): the
-- two functions that repeated them, and read the session beside them, go.
DROP FUNCTION IF EXISTS desk_admit_for_session;
--> statement-breakpoint
DROP FUNCTION IF EXISTS desk_admit_otp_request;
