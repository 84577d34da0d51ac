export type HostCounts = {
  ok: number;
  changed: number;
  failures: number;
  unreachable: number;
  skipped: number;
  rescued: number;
  ignored: number;
};

export type AnsibleEvent = {
  event: string;
  play?: string;
  task?: string;
  host?: string;
  changed?: boolean;
  failed?: boolean;
  created?: number;
  data?: Record<string, unknown>;
};

/** A host's row as the writer stores it. */
export type HostRow = HostCounts & { host: string; first_failed_task: string; first_failed_message: string };

const empty = (): HostCounts => ({ ok: 0, changed: 0, failures: 0, unreachable: 0, skipped: 0, rescued: 0, ignored: 0 });

/**
 * Per-host counts built from runner events as they arrive, so an interrupted run (no
 * final stats) still has a summary; the final `playbook_on_stats` replaces them.
 */
export class HostSummary {
  readonly hosts = new Map<string, HostCounts>();
  readonly dirty = new Set<string>();
  /** each host's first failed task (not ignored) or unreachable task, and its message */
  readonly firstFailed = new Map<string, { task: string; message: string }>();

  apply(e: AnsibleEvent): void {
    if (e.event === "playbook_on_stats") {
      const stats = (e.data?.hosts ?? {}) as Record<string, HostCounts>;
      for (const [host, c] of Object.entries(stats)) {
        this.hosts.set(host, { ...empty(), ...c });
        this.dirty.add(host);
      }
      return;
    }
    if (!e.host) return;
    const c = this.hosts.get(e.host) ?? empty();
    switch (e.event) {
      case "runner_on_ok":
        c.ok++;
        if (e.changed) c.changed++;
        break;
      case "runner_on_failed":
        if (e.data?.ignore_errors) c.ignored++;
        else c.failures++;
        break;
      case "runner_on_unreachable":
        c.unreachable++;
        break;
      case "runner_on_skipped":
        c.skipped++;
        break;
      case "runner_on_start":
        break;
      default:
        return;
    }
    this.hosts.set(e.host, c);
    this.dirty.add(e.host);
  }

  /** Hosts that failed or were unreachable: what "re-run on failed hosts" limits to. */
  failedHosts(): string[] {
    return [...this.hosts]
      .filter(([, c]) => c.failures > 0 || c.unreachable > 0)
      .map(([h]) => h)
      .sort();
  }

  /** Records the first failure of a host (later ones are in its output). */
  noteFailure(host: string, task: string, message: string): void {
    if (this.firstFailed.has(host)) return;
    this.firstFailed.set(host, { task, message });
    if (!this.hosts.has(host)) this.hosts.set(host, empty());
    this.dirty.add(host);
  }

  /** The hosts changed since the last call, by name (so concurrent jobs lock shared hosts in one order). */
  takeDirty(): HostRow[] {
    const out = [...this.dirty].sort().map((host) => {
      const f = this.firstFailed.get(host);
      return { host, ...this.hosts.get(host)!, first_failed_task: f?.task ?? "", first_failed_message: f?.message ?? "" };
    });
    this.dirty.clear();
    return out;
  }
}
