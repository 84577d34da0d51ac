import { stripAnsi } from "../ansi/strip-ansi";

// Applied in this order: whole timestamps before their parts.
const VOLATILE: [RegExp, string][] = [
  // profile_tasks: `Saturday 06 December 2026  17:00:05 +0800 (0:00:00.045)`
  [/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+ \d{4}\b/g, "<date>"],
  // ISO 8601 and `YYYY-MM-DD HH:MM:SS[.ffffff]`, with or without a zone
  [/\b\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|\s?[+-]\d{2}:?\d{2})?)?/g, "<time>"],
  // clock times and `H:MM:SS.ffffff` durations (`"delta": "0:00:00.003"`)
  [/\b\d{1,3}:\d{2}:\d{2}(?:[.,]\d+)?(?:\s?[+-]\d{4})?/g, "<time>"],
  // `1.23s`, `450ms`, `12.5 seconds`
  [/\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds)\b/g, "<duration>"],
  // Ansible's remote temporary directories: `ansible-tmp-1701234567.89-1234-5678`
  [/ansible-tmp-[\d.]+-\d+-\d+/g, "ansible-tmp-<id>"],
  // the job's private directory when it runs without the sandbox: `/…/run/job-42-Ab3dE/`
  [/\/job-\d+-[A-Za-z0-9]+(?=\/|\b)/g, "/job-<id>"],
  // banner padding: the asterisks fill the terminal's width
  [/ \*{3,}$/, " ***"],
];

/**
 * A line as the comparison of two outputs sees it: colours removed, trailing blanks
 * dropped, and what differs from run to run without meaning anything (dates, clock times,
 * durations, temporary directory names, banner padding) replaced by a placeholder.
 */
export function normalizeLine(text: string): string {
  let out = stripAnsi(text).trimEnd();
  for (const [pattern, replacement] of VOLATILE) out = out.replace(pattern, replacement);
  return out;
}

const BANNER = /^(?:PLAY RECAP|PLAY|TASK|RUNNING HANDLER|PLAYBOOK:)\b.*\*{3}$/;

/** The normalised line of a play, task, handler or recap banner (`TASK [name] ***`), or null for any other line. */
export function bannerKey(text: string): string | null {
  const line = normalizeLine(text);
  return BANNER.test(line) ? line : null;
}

/** A cheap SQL-side prefilter for banner candidates: every banner ends with a run of asterisks. */
export const BANNER_LIKE = "%***%";
