import type { DELIVERY_EVENTS } from "@/lib/contracts/notification";
import { STATE_NAMES, type JobState } from "@/lib/jobs/enums";
import { beijingTime } from "@/lib/jobs/explanations";
import { MAX_RECAP_HOSTS, type JobFacts } from "./read-job-facts";

export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

export const EVENT_NAMES: Record<DeliveryEvent, string> = {
  started: "开始运行",
  successful: "成功",
  failed: "失败",
  error: "出错",
  canceled: "已取消",
  test: "测试",
};

/** What every channel says, built once from the job's facts; each sender renders it in its own format. */
export type NotificationMessage = {
  event: DeliveryEvent;
  /** one line: `[失败] 部署 tomcat #42` */
  title: string;
  job: JobFacts & { stateName: string; duration: number | null; url: string };
  /** the job page with the re-run-failed-hosts action opened; null when no host failed */
  rerunFailedUrl: string | null;
  /** the recap lines shown, and how many more hosts it had */
  recap: string[];
  recapMore: number;
  /** `[label, value]` rows in display order */
  fields: [string, string][];
  /** the test action's message says it is one */
  isTest: boolean;
};

/** Links point at the site as browsers see it (`PUBLIC_URL`, else http://localhost:PORT). */
export function composeMessage(facts: JobFacts, event: DeliveryEvent, linkBaseUrl: string, opts: { isTest?: boolean } = {}): NotificationMessage {
  const base = linkBaseUrl.replace(/\/+$/, "");
  const url = opts.isTest ? `${base}/jobs` : `${base}/jobs/${facts.id}`;
  const duration = facts.startTime !== null && facts.finishTime !== null ? Math.max(0, facts.finishTime - facts.startTime) : null;
  const stateName = STATE_NAMES[facts.state as JobState] ?? facts.state;
  const ended = event !== "started";
  const rerunFailedUrl = ended && facts.failedHosts.length > 0 && !opts.isTest ? `${url}?rerun=failed` : null;
  const fields: [string, string][] = [
    ["模板", facts.title || "（无）"],
    ["作业", opts.isTest ? "#0（示例）" : `#${facts.id}`],
    ["状态", stateName],
    ["执行人", facts.user || "（未知）"],
  ];
  if (facts.startTime !== null) fields.push(["开始时间", beijingTime(facts.startTime)]);
  if (ended && duration !== null) fields.push(["耗时", formatDuration(duration)]);
  if (ended && facts.failedHosts.length > 0) fields.push(["失败主机", listHosts(facts.failedHosts)]);
  if (ended && facts.firstFailure) {
    const f = facts.firstFailure;
    fields.push(["首个失败", `主机 ${f.host}${f.task ? ` 的任务 “${f.task}”` : ""}${f.message ? `：${f.message}` : ""}`]);
  } else if (ended && facts.explanation && facts.state !== "successful") fields.push(["原因", facts.explanation]);
  return {
    event,
    title: `${opts.isTest ? "[测试] " : ""}[${EVENT_NAMES[event === "test" ? "failed" : event]}] ${facts.title || "作业"} #${opts.isTest ? 0 : facts.id}`,
    job: { ...facts, stateName, duration, url },
    rerunFailedUrl,
    recap: ended ? facts.recap.slice(0, MAX_RECAP_HOSTS) : [],
    recapMore: ended ? Math.max(0, facts.recap.length - MAX_RECAP_HOSTS) : 0,
    fields,
    isTest: opts.isTest ?? false,
  };
}

/** `1 小时 2 分 5 秒`, `3 秒` */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} 小时`, m && `${m} 分`, (s || (!h && !m)) && `${s} 秒`].filter(Boolean).join(" ");
}

function listHosts(hosts: string[]): string {
  const shown = hosts.slice(0, 10).join(", ");
  return hosts.length > 10 ? `${shown} 等 ${hosts.length} 台` : shown;
}

/** A made-up failed run for the test action: it shows every part of a real message. */
export function sampleFacts(user: string): JobFacts {
  const now = Math.floor(Date.now() / 1000);
  return {
    id: 0,
    templateId: null,
    title: "示例模板",
    kind: "job",
    playbook: "site.yml",
    state: "failed",
    user,
    startTime: now - 65,
    finishTime: now,
    explanation: "",
    recap: [
      "web-01 : ok=5 changed=2 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0",
      "web-02 : ok=3 changed=0 unreachable=0 failed=1 skipped=0 rescued=0 ignored=0",
    ],
    failedHosts: ["web-02"],
    firstFailure: { host: "web-02", task: "启动服务", message: "这是一条测试通知：示例中的失败消息。" },
  };
}
