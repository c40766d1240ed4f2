import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside React's server graph; unit tests run those modules directly in Node.
      "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Vitest's default leaves one core to itself, which is a single file at a time on a 2-core CI host; the test files
    // mostly wait on the embedded database or child processes, so two at a time there halves the wall time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
