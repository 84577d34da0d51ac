import { HostSet } from "./host-set";
import { InventoryError, shown } from "./host-pattern";

type Mapping = Record<string, unknown>;

const isMapping = (v: unknown): v is Mapping => typeof v === "object" && v !== null && !Array.isArray(v);

const typeName = (v: unknown): string =>
  Array.isArray(v) ? "list" : v === null ? "null" : typeof v === "object" ? "dict" : typeof v === "string" ? "str" : typeof v;

/**
 * Host names of a YAML (or JSON) inventory already parsed to a mapping, as Ansible's
 * yaml plugin walks it: each group's `hosts:` keys, and its `children:` groups.
 */
export function yamlInventoryHosts(data: Mapping): string[] {
  const hosts = new HostSet();
  const visited = new Set<unknown>();
  const walk = (group: string, body: unknown, depth: number) => {
    // a group that is not a mapping is skipped by Ansible with a warning
    if (!isMapping(body) || visited.has(body)) return;
    if (depth > 100) throw new InventoryError("组的嵌套层次太深。");
    visited.add(body);
    for (const section of ["hosts", "children", "vars"]) {
      const v = body[section];
      if (v !== undefined && v !== null && typeof v !== "string" && !isMapping(v))
        throw new InventoryError(`组 “${shown(group)}” 的 “${section}” 必须是字典（mapping），得到的是 ${typeName(v)}。`);
    }
    const groupHosts = body.hosts;
    if (typeof groupHosts === "string") hosts.addPattern(groupHosts);
    else if (isMapping(groupHosts)) for (const pattern of Object.keys(groupHosts)) hosts.addPattern(pattern);
    const children = body.children;
    if (typeof children === "string") return;
    if (isMapping(children)) for (const [name, child] of Object.entries(children)) walk(name, child, depth + 1);
  };
  for (const [name, body] of Object.entries(data)) walk(name, body, 0);
  return hosts.list();
}
