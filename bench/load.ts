/** Latency statistics and a bounded closed-loop load: N loops, each one request at a time. */

export type Stats = { n: number; p50: number; p95: number; rps: number; errors: number };

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(latencies: number[], elapsedMs: number, errors = 0): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), rps: (s.length / elapsedMs) * 1000, errors };
}

/**
 * Runs `concurrency` loops that each send `request()` back to back until `durationMs`
 * passed or `maxRequests` were sent; every latency is recorded.
 */
export async function runLoad(request: (i: number) => Promise<void>, opts: { concurrency: number; durationMs: number; maxRequests: number }): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const start = performance.now();
  const deadline = start + opts.durationMs;
  const loop = async () => {
    while (performance.now() < deadline && sent < opts.maxRequests) {
      const i = sent++;
      const t = performance.now();
      try {
        await request(i);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  return summarize(latencies, performance.now() - start, errors);
}

/** Runs `fn` sequentially `times` times (after `warmup` untimed runs); p50/p95 of the timed runs. */
export async function timeSequential(fn: (i: number) => Promise<unknown>, times: number, warmup = 5): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn(i);
    latencies.push(performance.now() - t);
  }
  return summarize(latencies, performance.now() - start);
}

/** Times each case one call at a time and prints a Markdown table of p50/p95, as docs/performance.md shows them. */
export async function printTimings(heading: string, cases: [string, () => Promise<unknown>][], times: number): Promise<void> {
  console.log(`| ${heading} | p50 | p95 |\n|---|---|---|`);
  for (const [name, run] of cases) {
    const s = await timeSequential(run, times);
    console.log(`| ${name} | ${s.p50.toFixed(2)} ms | ${s.p95.toFixed(2)} ms |`);
  }
}
