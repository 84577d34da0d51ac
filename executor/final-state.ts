import { explain } from "@/lib/jobs/explanations";
import type { Exit } from "./spawn-ansible";

export type Outcome = { state: "successful" | "failed" | "canceled" | "error"; explanation: string };

/**
 * Ansible's exit codes (ansible.md) to a job state. 1 and 4 also mean "could not start"
 * (playbook or inventory errors, YAML syntax): those are `error` when no play began.
 * `startAtTaskMissed`: the job's `start_at_task`, when it has one and no task started.
 */
export function finalState(exit: Exit, opts: { canceled: boolean; playStarted: boolean; startAtTaskMissed?: string }): Outcome {
  if (opts.canceled) return { state: "canceled", explanation: "" };
  const { code, signal } = exit;
  if (signal) return { state: "error", explanation: `Ansible 进程被信号 ${signal} 终止。` };
  switch (code) {
    case 0:
      // Ansible only prints an error when --start-at-task names no task, and exits 0 having run nothing
      if (opts.startAtTaskMissed !== undefined) return { state: "error", explanation: explain.startAtTaskMissed(opts.startAtTaskMissed) };
      return { state: "successful", explanation: "" };
    case 2:
      return { state: "failed", explanation: "" };
    case 1:
    case 4:
      return opts.playStarted
        ? { state: "failed", explanation: "" }
        : { state: "error", explanation: `Ansible 未能开始运行（退出码 ${code}），原因见上方输出。` };
    case 5:
      return { state: "error", explanation: "Ansible 拒绝了运行选项（退出码 5），原因见上方输出。" };
    case 99:
      return { state: "error", explanation: "Ansible 被中断（退出码 99）。" };
    default:
      return { state: "error", explanation: `Ansible 异常退出（退出码 ${code}），原因见上方输出。` };
  }
}
