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

const empty = (): HostCounts => ({ ok: 0, changed: 0, failures: 0, unreachable: 0, skipped: 0, rescued: 0, ignored: 0 });

/**
 * Per-host counts built from runner events as they arrive, so an interrupted run (no
 * final stats) still has a summary; the final `playbook_on_stats` replaces them.
 */
export class HostSummary {
  readonly hosts = new Map<string, HostCounts>();
  readonly dirty = new Set<string>();

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

  takeDirty(): [string, HostCounts][] {
    const out = [...this.dirty].map((h) => [h, { ...this.hosts.get(h)! }] as [string, HostCounts]);
    this.dirty.clear();
    return out;
  }
}
