import { diffArrays } from "diff";
import type { TaskComparison, TaskResult } from "../contracts/job-compare";

/** The callback plugin's events a task table needs, in their order (`seq`). */
export type TaskEvent = {
  event: string;
  play: string;
  task: string;
  host: string;
  changed: boolean;
  /** the task start's `uuid`, or a failure's `task_uuid`: which task a result belongs to */
  uuid: string | null;
  path: string | null;
  ignoreErrors: boolean;
  rescued: boolean;
};

export const TASK_START_EVENTS = ["playbook_on_task_start", "playbook_on_handler_task_start"] as const;
/** The one event per task and host that says how it ended there (items and retries come before it). */
export const TASK_RESULT_EVENTS = ["runner_on_ok", "runner_on_failed", "runner_on_skipped", "runner_on_unreachable"] as const;

/** A task as one run ran it: the n-th task of that name its play started (a loop of plays, `serial` batches, a task listed twice). */
export type RunTask = { key: string; play: string; name: string; occurrence: number; handler: boolean; path: string; results: Map<string, TaskResult> };

export function resultOf(e: Pick<TaskEvent, "event" | "changed" | "ignoreErrors" | "rescued">): TaskResult {
  if (e.event === "runner_on_ok") return e.changed ? "changed" : "ok";
  if (e.event === "runner_on_skipped") return "skipped";
  if (e.event === "runner_on_unreachable") return "unreachable";
  return e.ignoreErrors ? "ignored" : e.rescued ? "rescued" : "failed";
}

/**
 * A run's tasks in the order they started, each with its result per host. A result
 * belongs to the task its `task_uuid` names (failures record it), else to the task
 * started last (the linear strategy's order).
 */
export function tasksOfRun(events: Iterable<TaskEvent>): RunTask[] {
  const tasks: RunTask[] = [];
  const byUuid = new Map<string, RunTask>();
  const seen = new Map<string, number>();
  let current: RunTask | undefined;
  for (const e of events) {
    if ((TASK_START_EVENTS as readonly string[]).includes(e.event)) {
      const handler = e.event === "playbook_on_handler_task_start";
      const identity = `${handler ? "handler" : "task"}\u0000${e.play}\u0000${e.task}`;
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      current = { key: `${identity}\u0000${occurrence}`, play: e.play, name: e.task, occurrence, handler, path: e.path ?? "", results: new Map() };
      tasks.push(current);
      if (e.uuid) byUuid.set(e.uuid, current);
      continue;
    }
    if (!(TASK_RESULT_EVENTS as readonly string[]).includes(e.event) || !e.host) continue;
    const task = (e.uuid ? byUuid.get(e.uuid) : undefined) ?? current;
    task?.results.set(e.host, resultOf(e));
  }
  return tasks;
}

/**
 * Both runs' tasks in one list, aligned by play, name and occurrence: the tasks both ran
 * in their common order, one only a run has where it ran in that run; per host its result
 * in each (`absent` where it has none) and whether they differ.
 */
export function compareTasks(a: RunTask[], b: RunTask[]): TaskComparison[] {
  const out: TaskComparison[] = [];
  const push = (ta: RunTask | undefined, tb: RunTask | undefined) => {
    const task = (ta ?? tb)!;
    const hosts = [...new Set([...(ta?.results.keys() ?? []), ...(tb?.results.keys() ?? [])])].sort();
    const results = hosts.map((host) => {
      const [ra, rb] = [ta?.results.get(host) ?? "absent", tb?.results.get(host) ?? "absent"];
      return { host, a: ra, b: rb, differs: ra !== rb };
    });
    out.push({
      play: task.play,
      name: task.name,
      occurrence: task.occurrence,
      handler: task.handler,
      path_a: ta?.path ?? "",
      path_b: tb?.path ?? "",
      in_a: ta !== undefined,
      in_b: tb !== undefined,
      differs: ta === undefined || tb === undefined || results.some((r) => r.differs),
      results,
    });
  };
  let [i, j] = [0, 0];
  for (const change of diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
  )) {
    for (let n = 0; n < change.count; n++) {
      if (change.removed) push(a[i++], undefined);
      else if (change.added) push(undefined, b[j++]);
      else push(a[i++], b[j++]);
    }
  }
  return out;
}
