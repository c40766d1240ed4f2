/** better-auth's session and password settings, shared by the instance and the session fast path without loading better-auth. */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;
export const MIN_PASSWORD_LENGTH = 12;
