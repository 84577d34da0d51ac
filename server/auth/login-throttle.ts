import { eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authThrottle } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { DomainError } from "@/core/errors";
import { authMessages } from "./messages";
import { sha256Hex } from "./random-secret";

export const THROTTLE_WINDOW_S = 15 * 60;

/**
 * Failed password checks allowed per window: for one user from one address, for one user
 * from anywhere (the address can be forged when no proxy sets it), and from one address
 * for any user names.
 */
export const THROTTLE_LIMITS = { userAddress: 5, user: 20, address: 50 } as const;

export class Throttled extends DomainError {
  constructor(public readonly waitSeconds: number) {
    super("throttled", authMessages.throttled(waitSeconds));
  }
}

// keys are hashed: people type passwords into the user name field, and those must not be stored
function keys(username: string, address: string): [{ key: string; max: number }, ...{ key: string; max: number }[]] {
  const u = username.toLowerCase();
  return [
    { key: sha256Hex(`ua:${u}|${address}`), max: THROTTLE_LIMITS.userAddress },
    { key: sha256Hex(`u:${u}`), max: THROTTLE_LIMITS.user },
    { key: sha256Hex(`a:${address}`), max: THROTTLE_LIMITS.address },
  ];
}

/**
 * Counts a password check against every key before it is made (a window past its end
 * starts over), so that guesses sent all at once cannot all pass a check made before any
 * of them failed. 429, and nothing counted, when a key has used up its failures: each key
 * is counted only while under its limit, in one transaction that a refusal rolls back, so
 * refused guesses never take a place from a guess that is within the limits.
 */
export async function reserveAttempt(db: Db, username: string, address: string): Promise<void> {
  const ks = keys(username, address);
  const now = nowSeconds();
  const stale = now - THROTTLE_WINDOW_S;
  await db.delete(authThrottle).where(lt(authThrottle.windowStart, stale - THROTTLE_WINDOW_S));
  await db.transaction(async (tx) => {
    // the same key order in every attempt: concurrent ones queue on the first row, never deadlock
    for (const { key, max } of ks) {
      const [row] = await tx
        .insert(authThrottle)
        .values({ key, failures: 1, windowStart: now })
        .onConflictDoUpdate({
          target: authThrottle.key,
          set: {
            failures: sql`case when ${authThrottle.windowStart} <= ${stale} then 1 else ${authThrottle.failures} + 1 end`,
            windowStart: sql`case when ${authThrottle.windowStart} <= ${stale} then ${now} else ${authThrottle.windowStart} end`,
          },
          setWhere: sql`${authThrottle.windowStart} <= ${stale} or ${authThrottle.failures} < ${max}`,
        })
        .returning({ failures: authThrottle.failures });
      if (row) continue;
      const [spent] = await tx.select({ windowStart: authThrottle.windowStart }).from(authThrottle).where(eq(authThrottle.key, key));
      throw new Throttled(Math.max(1, (spent?.windowStart ?? now) + THROTTLE_WINDOW_S - now));
    }
  });
}

/** The checked password was right (or the check was refused): the reserved attempt is not a failure. */
export async function releaseAttempt(db: Db, username: string, address: string): Promise<void> {
  await db
    .update(authThrottle)
    .set({ failures: sql`greatest(${authThrottle.failures} - 1, 0)` })
    .where(
      inArray(
        authThrottle.key,
        keys(username, address).map((k) => k.key),
      ),
    );
}

/**
 * A successful login: that user's failures from that address are forgotten, and the
 * attempt reserved against the user's and the address's counts is taken back.
 */
export async function recordSuccess(db: Db, username: string, address: string): Promise<void> {
  const [pair, ...others] = keys(username, address);
  await db.delete(authThrottle).where(eq(authThrottle.key, pair.key));
  await db
    .update(authThrottle)
    .set({ failures: sql`greatest(${authThrottle.failures} - 1, 0)` })
    .where(
      inArray(
        authThrottle.key,
        others.map((k) => k.key),
      ),
    );
}
