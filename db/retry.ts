/**
 * Errors that say "the connection went away", not "the statement is wrong": postgres.js's
 * own connection errors, socket errors, and PostgreSQL's connection-exception class (08),
 * administrator/crash shutdown (57P01–57P03, e.g. `pg_terminate_backend`, a restart) and
 * too many connections (53300). The embedded PGlite has no connection: never transient.
 */
const TRANSIENT_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

export function isTransientDbError(e: unknown): boolean {
  for (let cause = e, depth = 0; cause && typeof cause === "object" && depth < 5; depth++) {
    const code = String((cause as { code?: unknown }).code ?? "");
    if (TRANSIENT_CODES.has(code) || /^08/.test(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

export type RetryOptions = {
  /** give up after this long (the last error is thrown) */
  forMs?: number;
  /** an attempt that has not settled after this long is counted as a dropped connection and tried again */
  attemptMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** stops waiting (the last error is thrown) */
  signal?: AbortSignal;
};

/**
 * Runs `fn` again while it fails with a transient database error, with exponential
 * backoff. Only for statements safe to repeat: one that committed before its answer was
 * lost runs twice (make it conditional or `on conflict do nothing`).
 */
export async function retryTransient<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const { forMs = 60_000, firstDelayMs = 200, maxDelayMs = 5_000, signal, attemptMs = 60_000 } = opts;
  const deadline = Date.now() + forMs;
  for (let delay = firstDelayMs; ; delay = Math.min(delay * 2, maxDelayMs)) {
    try {
      return await settleWithin(fn(), attemptMs);
    } catch (e) {
      if (!isTransientDbError(e) || Date.now() + delay > deadline || signal?.aborted) throw e;
      await sleep(delay * (0.75 + Math.random() / 2), signal);
    }
  }
}

/**
 * `promise`, or a transient ETIMEDOUT error once `ms` have passed: a query handed to a
 * connection that closed at that moment can stay unanswered forever (seen with
 * postgres.js 3.4 under `pg_terminate_backend` storms); its retry must not wait for it.
 */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer from the database within ${ms} ms`), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * One line for a log: for a failed query (Drizzle wraps the driver's error as `cause`) the
 * cause and the statement's first words, not its whole text and parameters.
 */
export function errorLine(e: unknown): string {
  const error = e as { message?: unknown; query?: unknown; cause?: { message?: unknown; code?: unknown } } | undefined;
  const cause = error?.cause;
  if (cause && typeof cause === "object" && cause.message) {
    const query = typeof error.query === "string" ? error.query.trim().split(/\s+/).slice(0, 5).join(" ") : "";
    return `${cause.code ? `${String(cause.code)}: ` : ""}${String(cause.message)}${query ? ` (in: ${query} …)` : ""}`;
  }
  return String(error?.message ?? e);
}
