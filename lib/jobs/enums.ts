/** `pending` (an extension of the seed's states): queued behind a template's or inventory's concurrency limit. */
export const JOB_STATES = ["new", "pending", "waiting", "running", "successful", "failed", "canceled", "error"] as const;
export type JobState = (typeof JOB_STATES)[number];

export const STATE_NAMES: Record<JobState, string> = {
  new: "新建",
  pending: "排队中",
  waiting: "等待中",
  running: "运行中",
  successful: "成功",
  failed: "失败",
  canceled: "已取消",
  error: "错误",
};

/** States in which the executor owns the job: it may be neither changed nor deleted. */
export const ACTIVE_STATES: readonly JobState[] = ["waiting", "running"];
/** States a job ends in; a POST may record one as history of a run that happened elsewhere. */
export const FINAL_STATES: readonly JobState[] = ["successful", "failed", "canceled", "error"];
export const IMPORT_STATES = FINAL_STATES;
/** States of a job no worker holds yet: it may be canceled at once, edited or deleted. */
export const QUEUED_STATES: readonly JobState[] = ["new", "pending"];
/** States in which a job may still change by itself: queued or owned by the executor. */
export const LIVE_STATES: readonly JobState[] = [...QUEUED_STATES, ...ACTIVE_STATES];

const isIn = (states: readonly JobState[]) => (state: string) => (states as readonly string[]).includes(state);
export const isActiveState = isIn(ACTIVE_STATES);
export const isFinalState = isIn(FINAL_STATES);
export const isLiveState = isIn(LIVE_STATES);
export const isQueuedState = isIn(QUEUED_STATES);

export const JOB_KINDS = ["job", "adhoc"] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const KIND_NAMES: Record<JobKind, string> = { job: "自动化作业", adhoc: "临时命令" };

export const JOB_TYPES = ["run", "check"] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const VERBOSITY_NAMES = ["Normal", "Verbose", "More Verbose", "Debug", "Connection Debug"] as const;

export const flagName = (v: number): string => (v ? "是" : "否");

/** The status a host's counts in a job add up to: unreachable, then failed, changed, ok; skipped when it only skipped. */
export const HOST_STATUSES = ["unreachable", "failed", "changed", "ok", "skipped"] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];
export const HOST_STATUS_NAMES: Record<HostStatus, string> = { unreachable: "不可达", failed: "失败", changed: "已变更", ok: "正常", skipped: "已跳过" };
