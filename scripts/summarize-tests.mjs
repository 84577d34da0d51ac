// Prints one closing line over every report given (vitest's and Playwright's JSON
// reporters): "Tests: N passed, N failed".
import fs from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  if (r.stats && "expected" in r.stats) {
    // Playwright
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected + (r.errors?.length ?? 0);
    skipped += r.stats.skipped;
    continue;
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // a file that failed to load has no failed test but fails the run: count it
  if (!r.success && r.numFailedTests === 0) failed += 1;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
