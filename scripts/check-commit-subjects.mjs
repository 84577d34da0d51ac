// House habit: a commit subject of at most 72 characters. Checked for every commit after
// SINCE (the older history predates the rule); a clone without that history skips the check.
import { execFileSync } from "node:child_process";

const SINCE = "fa96160";
const MAX = 72;
const git = (...args) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

let log;
try {
  git("merge-base", "--is-ancestor", SINCE, "HEAD");
  log = git("log", "--format=%h%x09%s", `${SINCE}..HEAD`);
} catch {
  console.log(`[commits] ${SINCE} is not in this clone's history: subjects not checked`);
  process.exit(0);
}
const long = log
  .split("\n")
  .filter(Boolean)
  .map((l) => l.split("\t"))
  .filter(([, subject]) => [...subject].length > MAX);
for (const [hash, subject] of long) console.error(`[commits] ${hash}: subject of ${[...subject].length} characters (at most ${MAX}): ${subject}`);
process.exit(long.length ? 1 : 0);
