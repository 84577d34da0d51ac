import { config } from "zod/v4/core";

// Runs in the browser before the app's own modules. Zod compiles fast object parsers with
// `new Function` when it may; under the pages' Content-Security-Policy (no 'unsafe-eval')
// even its probe for that is reported as a violation, so it must not try. Only zod's core
// is imported here: the schemas come later, with the API modules' first answers.
config({ jitless: true });
