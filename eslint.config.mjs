import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Loaded on first need (dynamic import), so the first page a started server serves does not wait for them:
    // better-auth only through lib/auth/auth.ts, the PostgreSQL client (pg, for both databases) when lib/db/open.ts opens one.
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/auth/auth-instance.ts", "lib/db/testing/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["better-auth", "better-auth/*", "@better-auth/*", "pg"],
              allowTypeImports: true,
              message: "Import it where it is first needed, with import(): see lib/auth/auth.ts and lib/db/open.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every transaction through lib/db/transaction.ts: it is named and traced there.
    files: ["app/**", "components/**", "lib/**", "scripts/**"],
    ignores: ["lib/db/transaction.ts", "lib/db/testing/**", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message: "Open a transaction with runTransaction (lib/db/transaction.ts): it names and traces it.",
        },
      ],
    },
  },
];

export default config;
