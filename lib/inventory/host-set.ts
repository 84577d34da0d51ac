import { expandHostPattern, InventoryError, MAX_HOSTS } from "./host-pattern";

/** Host names in first-seen order, each once, bounded by MAX_HOSTS. */
export class HostSet {
  private readonly seen = new Set<string>();

  addPattern(pattern: string): void {
    for (const h of expandHostPattern(pattern)) {
      this.seen.add(h);
      if (this.seen.size > MAX_HOSTS) throw new InventoryError(`主机清单超过 ${MAX_HOSTS} 台主机。`);
    }
  }

  list(): string[] {
    return [...this.seen];
  }
}
