/**
 * Job durations (whole seconds) kept as counts per bucket, so percentiles over any number
 * of jobs are read from a few hundred numbers: exact up to two minutes, then buckets each
 * ~5 % wider than the last (a percentile is the lower edge of its bucket: at most 5 % low).
 * The same edges are written into the database's `job_duration_bucket()` (migration
 * 0019); a test checks the two agree.
 */

/** Durations under this many seconds have a bucket each. */
export const EXACT_BELOW = 120;
/** Buckets reach past 100 days; longer runs share the last one. */
const LONGEST = 100 * 86_400;

/** Lower edges of the wide buckets, in integers so the database and this module agree exactly. */
export const WIDE_EDGES: readonly number[] = (() => {
  const edges = [EXACT_BELOW];
  while (edges.at(-1)! < LONGEST) {
    const last = edges.at(-1)!;
    edges.push(last + Math.max(1, Math.floor(last / 20)));
  }
  return edges;
})();

/** The bucket of a duration: the seconds themselves below two minutes, then 120 + the wide edge's index. */
export function bucketOf(seconds: number): number {
  const s = Math.max(0, Math.floor(seconds));
  if (s < EXACT_BELOW) return s;
  let lo = 0;
  let hi = WIDE_EDGES.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (WIDE_EDGES[mid]! <= s) lo = mid;
    else hi = mid - 1;
  }
  return EXACT_BELOW + lo;
}

/** The shortest duration a bucket holds. */
export function bucketFloor(bucket: number): number {
  return bucket < EXACT_BELOW ? bucket : WIDE_EDGES[Math.min(bucket - EXACT_BELOW, WIDE_EDGES.length - 1)]!;
}

/**
 * The `p`-th percentile (0 < p ≤ 1, nearest rank: the smallest duration with at least
 * ⌈p·n⌉ durations at or under it) of bucket counts, as its bucket's lower edge; null when
 * there are none.
 */
export function percentileOf(counts: ReadonlyMap<number, number>, p: number): number | null {
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(bucket)!;
    if (seen >= rank) return bucketFloor(bucket);
  }
  return null;
}

/** The SQL of `job_duration_bucket(seconds)`, with the edges above written in. */
export function durationBucketFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION job_duration_bucket(seconds bigint) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN seconds < ${EXACT_BELOW} THEN greatest(seconds, 0)::smallint
    ELSE (${EXACT_BELOW - 1} + width_bucket(seconds, '{${WIDE_EDGES.join(",")}}'::bigint[]))::smallint END
$$;`;
}
