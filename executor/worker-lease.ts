import crypto from "node:crypto";
import os from "node:os";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sleep } from "@/db/retry";
import { workers } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { WORKER_STALE_S } from "./reap-jobs";

export type LeaseHolder = { instance: string; hostname: string; pid: number; heartbeatAt: number };

/** A worker id owned by this process: its `workers` row carries `instance`. */
export type WorkerLease = {
  workerId: string;
  instance: string;
  row: typeof workers.$inferInsert;
  /** the earlier holder this process took the id from (dead or silent), if any */
  tookOver?: { holder: LeaseHolder; why: string };
};

export class LeaseRefused extends Error {}

/**
 * Takes the worker id: inserts its row, or takes over a holder that is gone (no heartbeat
 * for WORKER_STALE_S, or its process on this host is dead). A live holder is waited for
 * (an overlapping restart: it releases the id when it stops) up to `waitMs`, then the
 * start is refused. Never touches a live holder's row or jobs.
 */
export async function acquireWorkerLease(
  db: Db,
  registration: { workerId: string; capacity: number; sandbox: string },
  opts: { waitMs: number; pollMs?: number; log?: (message: string) => void },
): Promise<WorkerLease> {
  const instance = crypto.randomUUID();
  const deadline = Date.now() + opts.waitMs;
  let waitingLogged = false;
  for (;;) {
    const row = {
      id: registration.workerId,
      instance,
      hostname: os.hostname(),
      pid: process.pid,
      capacity: registration.capacity,
      sandbox: registration.sandbox,
      startedAt: nowSeconds(),
      heartbeatAt: nowSeconds(),
    };
    const lease: WorkerLease = { workerId: row.id, instance, row };
    const [inserted] = await db.insert(workers).values(row).onConflictDoNothing().returning({ id: workers.id });
    if (inserted) return lease;
    const holder = await readHolder(db, row.id);
    if (!holder) continue;
    const why = holderGone(holder);
    if (why) {
      const [taken] = await db
        .update(workers)
        .set({ ...row, id: undefined })
        .where(and(eq(workers.id, row.id), eq(workers.instance, holder.instance), eq(workers.heartbeatAt, holder.heartbeatAt)))
        .returning({ id: workers.id });
      if (taken) return { ...lease, tookOver: { holder, why } };
      continue;
    }
    const held = `worker id "${row.id}" is held by a running process (pid ${holder.pid} on ${holder.hostname}, heartbeat ${Math.max(0, nowSeconds() - holder.heartbeatAt)} s ago)`;
    if (Date.now() >= deadline) {
      throw new LeaseRefused(`${held}: stop that process, or give this one another WORKER_ID`);
    }
    if (!waitingLogged) opts.log?.(`${held}: waiting up to ${Math.ceil((deadline - Date.now()) / 1000)} s for it to stop`);
    waitingLogged = true;
    await sleep(opts.pollMs ?? 1000);
  }
}

/**
 * The heartbeat: renews the lease; a missing row (deleted by hand, or by a cleaner) is
 * made again; a row with another instance means this process lost its id.
 */
export async function renewWorkerLease(db: Db, lease: WorkerLease): Promise<"renewed" | "recreated" | { lost: LeaseHolder }> {
  const [beat] = await db
    .update(workers)
    .set({ heartbeatAt: nowSeconds() })
    .where(and(eq(workers.id, lease.workerId), eq(workers.instance, lease.instance)))
    .returning({ id: workers.id });
  if (beat) return "renewed";
  const [made] = await db
    .insert(workers)
    .values({ ...lease.row, heartbeatAt: nowSeconds() })
    .onConflictDoNothing()
    .returning({ id: workers.id });
  if (made) return "recreated";
  const holder = await readHolder(db, lease.workerId);
  if (!holder) throw new Error(`worker row ${lease.workerId} vanished during the heartbeat`);
  return holder.instance === lease.instance ? "renewed" : { lost: holder };
}

/** A clean stop gives the id back: the row is deleted only while this process holds it. */
export async function releaseWorkerLease(db: Db, lease: WorkerLease): Promise<void> {
  await db.delete(workers).where(and(eq(workers.id, lease.workerId), eq(workers.instance, lease.instance)));
}

async function readHolder(db: Db, workerId: string): Promise<LeaseHolder | undefined> {
  const [holder] = await db
    .select({ instance: workers.instance, hostname: workers.hostname, pid: workers.pid, heartbeatAt: workers.heartbeatAt })
    .from(workers)
    .where(eq(workers.id, workerId));
  return holder;
}

/** Why the holder no longer runs, or undefined while it may. */
function holderGone(holder: LeaseHolder): string | undefined {
  const age = nowSeconds() - holder.heartbeatAt;
  if (age > WORKER_STALE_S) return `no heartbeat for ${age} s`;
  // the same pid as ours is an earlier life (a container's pid 1): it cannot be this process
  if (holder.hostname === os.hostname() && (holder.pid === process.pid || !isAlive(holder.pid))) {
    return `its process ${holder.pid} on this host has exited`;
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
