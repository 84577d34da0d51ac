import { HostSet } from "./host-set";
import { InventoryError, shown } from "./host-pattern";

// Ansible's ini plugin: `[group]`, `[group:vars]`, `[group:children]`, comment at the end allowed
const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;

/** Host names of an INI inventory, as Ansible's ini plugin reads it; throws InventoryError. */
export function parseIniHosts(content: string): string[] {
  const hosts = new HostSet();
  let state = "hosts";
  const lines = content.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    try {
      const section = SECTION.exec(line);
      if (section) {
        state = section[2] ?? "hosts";
        if (!["hosts", "vars", "children"].includes(state))
          throw new InventoryError(`节 [${shown(section[1]!)}:${shown(state)}] 的类型 “${shown(state)}” 未知（只能是 vars 或 children）。`);
        return;
      }
      if (line.startsWith("[") && line.endsWith("]")) throw new InventoryError(`无效的节 “${shown(line)}”（节名中不能有空格等字符）。`);
      if (state === "vars") {
        if (!line.includes("=")) throw new InventoryError(`变量应写作 key=value，得到 “${shown(line)}”。`);
        return;
      }
      const tokens = shellSplit(line);
      const [pattern, ...vars] = tokens;
      if (pattern === undefined || state === "children") return;
      const bad = vars.find((t) => !t.includes("="));
      if (bad !== undefined) throw new InventoryError(`主机变量应写作 key=value，得到 “${shown(bad)}”。`);
      hosts.addPattern(pattern);
    } catch (e) {
      if (e instanceof InventoryError) throw new InventoryError(`第 ${i + 1} 行：${e.message}`);
      throw e;
    }
  });
  return hosts.list();
}

/** Python's `shlex.split(line, comments=True)`: quotes group and are removed, `#` starts a comment. */
function shellSplit(line: string): string[] {
  const tokens: string[] = [];
  let token: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"' && (line[i + 1] === '"' || line[i + 1] === "\\")) token += line[++i]!;
      else token += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      token ??= "";
    } else if (/\s/.test(c)) {
      if (token !== null) tokens.push(token);
      token = null;
    } else if (c === "#") {
      break;
    } else if (c === "\\" && i + 1 < line.length) {
      token = (token ?? "") + line[++i];
    } else {
      token = (token ?? "") + c;
    }
  }
  if (quote) throw new InventoryError("引号没有闭合。");
  if (token !== null) tokens.push(token);
  return tokens;
}
