-- The limit windows are checked in TypeScript only (lib/otp-requests/limits.ts): the SQL copy of that rule goes.
DROP FUNCTION IF EXISTS desk_admit_otp_request;
