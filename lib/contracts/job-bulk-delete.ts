import { z } from "zod";

const int = z.number().int();

/** `DELETE /api/job/job/?…&all=1&dry_run=1`: the matching jobs that would go, and the live ones that would stay. */
export const FilterDeleteCount = z.object({ dry_run: z.literal(true), count: int, live: int });
export type FilterDeleteCount = z.infer<typeof FilterDeleteCount>;

/** `DELETE /api/job/job/?…&all=1`: what went, and the live jobs skipped. */
export const FilterDeleteDone = z.object({ dry_run: z.literal(false), deleted: int, live: int });
export type FilterDeleteDone = z.infer<typeof FilterDeleteDone>;
