/**
 * better-auth's session and password settings. The instance uses them, and so do `./auth`'s cookie settings for the
 * session fast path and lib/users/schema.ts's password rule: this module imports nothing, so none of them loads better-auth.
 */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
