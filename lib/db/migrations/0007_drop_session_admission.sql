-- Send OTP reads the session through the guard like every action: the function that read it inside the admission
-- (migration 0005), a second copy of "who may send", goes.
DROP FUNCTION IF EXISTS desk_admit_for_session;
