// @ts-check
// CommonJS on purpose: lib/settings.ts reads it, and so does scripts/start.mjs (plain Node), which must resolve the
// same folder before the standalone server moves into its own (server.js changes directory to where it is).

/** DATA_DIR when it is unset: relative to the folder the desk is started from. */
const DEFAULT_DATA_DIR = "data";

module.exports = { DEFAULT_DATA_DIR };
