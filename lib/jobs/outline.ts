import { resultOf, TASK_RESULT_EVENTS, TASK_START_EVENTS } from "../compare/compare-tasks";

export const PLAY_START_EVENT = "playbook_on_play_start";

/** The callback plugin's events an outline is built from, in their order (`seq`). */
export type OutlineEvent = {
  event: string;
  play: string;
  task: string;
  host: string;
  changed: boolean;
  /** epoch seconds */
  created: number;
  /** the task start's `uuid`, or a failure's `task_uuid`: which task a result belongs to */
  uuid: string | null;
  ignoreErrors: boolean;
  rescued: boolean;
};

/** How many hosts ended a task each way (the host's last result for the task). */
export type OutlineCounts = { ok: number; changed: number; failed: number; unreachable: number; skipped: number; rescued: number; ignored: number };

export type OutlineTask = {
  name: string;
  handler: boolean;
  /** epoch seconds, as the events record them (whole seconds) */
  started: number;
  /** when the next task or play started, or the job ended; null while it may still run */
  finished: number | null;
  hosts: OutlineCounts;
};

export type OutlinePlay = { name: string; started: number; finished: number | null; tasks: OutlineTask[] };

export type JobOutline = { plays: OutlinePlay[] };

const noCounts = (): OutlineCounts => ({ ok: 0, changed: 0, failed: 0, unreachable: 0, skipped: 0, rescued: 0, ignored: 0 });

/**
 * A run's plays and their tasks, in the order they started (a play again for each
 * `serial` batch), each with when it started and ended and how its hosts ended it. A task
 * ends when the next task or play starts, a play when the next play starts, the last of
 * each when the job ended (`endedAt`; null: it has not). A result belongs to the task its
 * `task_uuid` names, else to the task started last; a task started before any play (none
 * in Ansible's output) is left out.
 */
export function outlineOfRun(events: Iterable<OutlineEvent>, endedAt: number | null): JobOutline {
  const plays: OutlinePlay[] = [];
  const results = new Map<OutlineTask, Map<string, keyof OutlineCounts>>();
  const byUuid = new Map<string, OutlineTask>();
  let play: OutlinePlay | undefined;
  let task: OutlineTask | undefined;
  const close = (at: number) => {
    if (task && task.finished === null) task.finished = Math.max(task.started, at);
  };
  for (const e of events) {
    if (e.event === PLAY_START_EVENT) {
      close(e.created);
      if (play) play.finished = Math.max(play.started, e.created);
      play = { name: e.play, started: e.created, finished: null, tasks: [] };
      plays.push(play);
      task = undefined;
      continue;
    }
    if ((TASK_START_EVENTS as readonly string[]).includes(e.event)) {
      if (!play) continue;
      close(e.created);
      task = { name: e.task, handler: e.event === "playbook_on_handler_task_start", started: e.created, finished: null, hosts: noCounts() };
      play.tasks.push(task);
      results.set(task, new Map());
      if (e.uuid) byUuid.set(e.uuid, task);
      continue;
    }
    if (!(TASK_RESULT_EVENTS as readonly string[]).includes(e.event) || !e.host) continue;
    const owner = (e.uuid ? byUuid.get(e.uuid) : undefined) ?? task;
    const result = resultOf(e);
    if (owner && result !== "absent") results.get(owner)!.set(e.host, result);
  }
  if (endedAt !== null) {
    close(endedAt);
    if (play) play.finished = Math.max(play.started, endedAt);
  }
  for (const [t, byHost] of results) for (const r of byHost.values()) t.hosts[r]++;
  return { plays };
}
