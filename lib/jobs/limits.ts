/** The longest `timeout` a job may have: 30 days. */
export const MAX_TIMEOUT_S = 30 * 86_400;

/** Limits on free text, so no field can fill the database. */
export const MAX = { short: 1024, module: 256, arguments: 16384, text: 262144 } as const;

/** The last second of year 9999 (Python's `datetime.max`): the latest time a job may carry. */
export const MAX_TIME_S = 253402300799;

/** The largest concurrency limit a template or inventory may set (`max_concurrent_jobs`). */
export const MAX_CONCURRENT_JOBS = 1000;
