import { loadEnvConfig } from "@next/env";

// The operator commands read the same .env files, with the same precedence, as the server started from this folder
// (the repository under `npm run`, the build's own folder there); a variable already set in the shell wins. Imported
// first, before anything reads the settings. Its note ("Loaded env from …") goes to stderr, clear of the output.
loadEnvConfig(process.cwd(), false, { info: (message: string) => console.error(message), error: (message: string) => console.error(message) });
