/**
 * Why a job ended as it did, as the API's `explanation` and the red last line of its
 * output say it. One wording for the executor, the reaper and the cancel API.
 */
const SHANGHAI = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Unix seconds as `2026-12-06 17:00:05` in the product's default time zone. */
const at = (seconds: number) => `${SHANGHAI.format(new Date(seconds * 1000))}（北京时间）`;
export { at as beijingTime };

export const explain = {
  canceled: (who: string | null, when: number | null) => `已由 ${who || "（未知用户）"}${when ? ` 于 ${at(when)}` : ""} 取消。`,
  startAtTaskMissed: (task: string) =>
    `没有运行任何任务：--start-at-task 没有找到任务 “${task}”（playbook 中没有这个名字的任务，或它来自动态包含、handler 或 rescue 部分）。`,
  timeout: (seconds: number) => `超时（${seconds} 秒）：作业运行超过了 timeout，已被停止。`,
  outputLost: (reason: string, fromLine: number) => `输出写入失败：${reason}。第 ${fromLine} 行起的输出未能保存，作业已被停止。`,
  hostFailed: (host: string, task: string, message: string, others: number) =>
    `主机 ${host} 的任务 “${task}” 失败${message ? `：${message}` : "。"}${others > 0 ? `（另有 ${others} 台主机失败或不可达）` : ""}`,
  hostUnreachable: (host: string, message: string, others: number) =>
    `主机 ${host} 不可达${message ? `：${message}` : "。"}${others > 0 ? `（另有 ${others} 台主机失败或不可达）` : ""}`,
  executorLost: (worker: string | null, staleSeconds: number) =>
    `作业执行器 ${worker ?? "（未知）"} 已失联（超过 ${staleSeconds} 秒没有心跳），作业被标记为错误。`,
  executorRestarted: (worker: string) => `作业执行器 ${worker} 在作业运行时重启，作业被标记为错误。`,
  stalled: (worker: string | null, seconds: number) =>
    `作业停滞：执行器 ${worker ?? "（未知）"} 超过 ${seconds} 秒没有报告这个作业的进展（输出无法写入），作业被标记为错误。`,
  stoppedRunning: (worker: string, why: string) => `停止时仍在运行：作业执行器 ${worker} 停止（${why}），作业被标记为错误。`,
  graceOver: (seconds: number) => `宽限期 ${seconds} 秒内未结束`,
  leaseLost: "作业执行器失去了它的 worker id",
  notRunningHere: (worker: string) => `执行器未在运行此作业：作业执行器 ${worker} 与数据库的连接中断时失去了它，作业被标记为错误。`,
} as const;
