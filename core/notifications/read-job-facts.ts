import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents, jobHostSummaries, jobOutputLines, jobs } from "@/db/schema";
import { stripAnsi } from "@/lib/ansi/strip-ansi";

/** What a notification says about a job: read when it is sent, everything already redacted as stored. */
export type JobFacts = {
  id: number;
  templateId: number | null;
  /** the template's name as the job recorded it; an ad-hoc command's module and arguments instead */
  title: string;
  kind: string;
  playbook: string;
  state: string;
  /** who launched it (the display name the job recorded) */
  user: string;
  startTime: number | null;
  finishTime: number | null;
  explanation: string;
  /** the PLAY RECAP's host lines as printed (colour removed), or the per-host results when it printed none */
  recap: string[];
  failedHosts: string[];
  /** the first task that failed on a host (not ignored nor rescued), or found it unreachable */
  firstFailure: { host: string; task: string; message: string } | null;
};

/** The recap lines kept in a message: a robot's message has a size limit. */
export const MAX_RECAP_HOSTS = 30;

/** null when the job is gone (deleted before its notification went out). */
export async function readJobFacts(db: Db, jobId: number): Promise<JobFacts | null> {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  if (!job) return null;
  const S = jobHostSummaries;
  const [{ hosts }] = (await db.select({ hosts: count() }).from(S).where(eq(S.jobId, jobId))) as [{ hosts: number }];
  const failed = await db
    .select({ host: S.host, task: S.firstFailedTask, message: S.firstFailedMessage })
    .from(S)
    .where(and(eq(S.jobId, jobId), inArray(S.status, ["failed", "unreachable"])))
    .orderBy(
      sql`(select min(${jobEvents.seq}) from ${jobEvents} where ${jobEvents.jobId} = ${S.jobId} and ${jobEvents.host} = ${S.host}
        and ${jobEvents.task} = ${S.firstFailedTask} and ${jobEvents.event} in ('runner_on_failed', 'runner_on_unreachable')) nulls last`,
      S.host,
    );
  const first = failed.find((f) => f.task !== "") ?? failed[0];
  return {
    id: job.id,
    templateId: job.templateId,
    title: job.templateName ?? (job.kind === "adhoc" ? `${job.module} ${job.arguments}`.trim() : job.playbook),
    kind: job.kind,
    playbook: job.playbook,
    state: job.state,
    user: job.userName,
    startTime: job.startTime,
    finishTime: job.finishTime,
    explanation: job.explanation,
    recap: (await readRecap(db, jobId, Number(hosts))) ?? (await summaryRecap(db, jobId)),
    failedHosts: failed.map((f) => f.host).sort(),
    firstFailure: first ? { host: first.host, task: first.task, message: first.message } : null,
  };
}

const RECAP_HOST = /^\S.*\s:\s+ok=\d+/;

/**
 * The PLAY RECAP's host lines: the recap is near the end (one line per host, then at most
 * the reason line the executor adds), so only the last lines are read.
 */
async function readRecap(db: Db, jobId: number, hosts: number): Promise<string[] | null> {
  const tail = await db
    .select({ text: jobOutputLines.text })
    .from(jobOutputLines)
    .where(eq(jobOutputLines.jobId, jobId))
    .orderBy(desc(jobOutputLines.lineNo))
    .limit(Math.min(hosts, 5000) + 40);
  const lines = tail.map((l) => stripAnsi(l.text).trimEnd()).reverse();
  const start = lines.findLastIndex((l) => l.startsWith("PLAY RECAP"));
  if (start < 0) return null;
  const recap: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!RECAP_HOST.test(line)) break;
    recap.push(line.replace(/\s{2,}/g, " "));
  }
  return recap;
}

/** A job that printed no recap (ad-hoc commands, a stopped run): its per-host results in the recap's form. */
async function summaryRecap(db: Db, jobId: number): Promise<string[]> {
  const S = jobHostSummaries;
  const rows = await db.select().from(S).where(eq(S.jobId, jobId)).orderBy(S.host);
  return rows.map(
    (r) =>
      `${r.host} : ok=${r.ok} changed=${r.changed} unreachable=${r.unreachable} failed=${r.failures} skipped=${r.skipped} rescued=${r.rescued} ignored=${r.ignored}`,
  );
}
