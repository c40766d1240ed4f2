import { defineConfig } from "drizzle-kit";

// One set of migrations for both the embedded PGlite database and a PostgreSQL server.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
