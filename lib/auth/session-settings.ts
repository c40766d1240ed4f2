/** better-auth's session and password settings: the instance uses them, and so do `./auth`'s cookie settings for the session fast path, without loading better-auth. */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;
export const MIN_PASSWORD_LENGTH = 12;
