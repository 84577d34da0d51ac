/**
 * The longest line the server writes to its log. An error can carry a request's data
 * (a database error quotes its query and parameters): cut it, so no log line grows to
 * the size of a body.
 */
export const MAX_LOG_LINE = 4096;

/** An error as a log shows it: its stack (or message) and its cause's. */
function describe(part: unknown): string {
  if (!(part instanceof Error)) return typeof part === "string" ? part : String(part);
  const own = part.stack ?? `${part.name}: ${part.message}`;
  return part.cause === undefined ? own : `${own}\ncaused by: ${describe(part.cause)}`;
}

/** `parts` as one log entry of at most MAX_LOG_LINE characters. */
export function capLogLine(parts: unknown[]): string {
  const text = parts.map(describe).join(" ");
  return text.length > MAX_LOG_LINE ? `${text.slice(0, MAX_LOG_LINE)}… (${text.length - MAX_LOG_LINE} more characters cut)` : text;
}

/** console.error, capped: the one way server and executor code logs a failure. */
export function logError(...parts: unknown[]): void {
  console.error(capLogLine(parts));
}
