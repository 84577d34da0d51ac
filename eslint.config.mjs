import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // type-aware: a promise nobody awaits or handles is an error waiting to be lost
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  // layers import one way (docs/architecture.md): app → server → core → db, lib; executor → core;
  // the entry points (instrumentation.ts, scripts/, bench/, test/) may compose them
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: ["./app", "./components", "./server", "./executor", "./core", "./db"],
              message: "lib/ is browser-safe and imports only lib/.",
            },
            { target: "./db", from: ["./app", "./components", "./server", "./executor", "./core"], message: "db/ imports no layer above it." },
            {
              target: "./core",
              from: ["./app", "./components", "./server", "./executor"],
              message: "core/ is shared by the web side and the executor: it imports neither.",
            },
            { target: "./executor", from: ["./app", "./components", "./server"], message: "The executor imports no web code; shared code lives in core/." },
            {
              target: "./server",
              from: ["./app", "./components", "./executor"],
              message: "The web side imports no executor code; instrumentation.ts composes the two.",
            },
            { target: ["./app", "./components"], from: ["./executor"], message: "The web side imports no executor code; instrumentation.ts composes the two." },
          ],
        },
      ],
    },
  },
];

export default config;
