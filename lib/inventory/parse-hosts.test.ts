import { describe, expect, it } from "vitest";
import { expandHostPattern } from "./host-pattern";
import { parseHosts } from "./parse-hosts";

const hostsOf = (text: string) => {
  const r = parseHosts(text);
  if (!r.ok) throw new Error(r.error);
  return r.hosts;
};

const errorOf = (text: string) => {
  const r = parseHosts(text);
  if (r.ok) throw new Error(`parsed: ${r.hosts.join(",")}`);
  return r.error;
};

describe("expandHostPattern", () => {
  it("expands numeric ranges, keeping zero padding", () => {
    expect(expandHostPattern("web[01:03].example.com")).toEqual(["web01.example.com", "web02.example.com", "web03.example.com"]);
    expect(expandHostPattern("h[8:10]")).toEqual(["h8", "h9", "h10"]);
    expect(expandHostPattern("h[0:10:5]")).toEqual(["h0", "h5", "h10"]);
    expect(expandHostPattern("h[:1]")).toEqual(["h0", "h1"]);
  });

  it("expands letter ranges and several ranges in one pattern", () => {
    expect(expandHostPattern("db-[a:c]")).toEqual(["db-a", "db-b", "db-c"]);
    expect(expandHostPattern("r[1:2]-[a:b]")).toEqual(["r1-a", "r1-b", "r2-a", "r2-b"]);
  });

  it("drops a port but keeps IPv6 addresses whole", () => {
    expect(expandHostPattern("db.example.com:2222")).toEqual(["db.example.com"]);
    expect(expandHostPattern("10.0.0.1:22")).toEqual(["10.0.0.1"]);
    expect(expandHostPattern("web[1:2]:22")).toEqual(["web1", "web2"]);
    expect(expandHostPattern("fe80::1")).toEqual(["fe80::1"]);
    expect(expandHostPattern("[fe80::1]:22")).toEqual(["fe80::1"]);
  });

  it("refuses bad ranges", () => {
    expect(() => expandHostPattern("h[3:1]")).toThrow("起始值大于结束值");
    expect(() => expandHostPattern("h[01:100]")).toThrow("位数必须相同");
    expect(() => expandHostPattern("h[1:]")).toThrow("缺少结束值");
    expect(() => expandHostPattern("h[1:x]")).toThrow("无效的主机范围");
    expect(() => expandHostPattern("h[0:99999999]")).toThrow("超过 100000 台主机");
  });
});

describe("parseHosts: INI", () => {
  it("reads hosts of every group, skipping vars and children sections and comments", () => {
    const ini = [
      "# a comment",
      "ungrouped.example.com",
      "[web]",
      "web[01:03].example.com ansible_user=deploy http_port=80",
      "; another comment",
      "web01.example.com  # listed twice",
      "[db]",
      'db1 ansible_host=10.0.0.5 motd="hello world"',
      "[db:vars]",
      "ansible_port=2222",
      "[prod:children]",
      "web",
      "db",
    ].join("\n");
    expect(hostsOf(ini)).toEqual(["ungrouped.example.com", "web01.example.com", "web02.example.com", "web03.example.com", "db1"]);
  });

  it("reads a plain host list", () => {
    expect(hostsOf("a\nb\r\nc:22\n")).toEqual(["a", "b", "c"]);
  });

  it("names the line of an error", () => {
    expect(errorOf("[web]\nweb1 nokeyvalue")).toBe("无效的 INI 主机清单：第 2 行：主机变量应写作 key=value，得到 “nokeyvalue”。");
    expect(errorOf("[web:bogus]\nweb1")).toBe("无效的 INI 主机清单：第 1 行：节 [web:bogus] 的类型 “bogus” 未知（只能是 vars 或 children）。");
    expect(errorOf("[all:vars]\nnotavar")).toBe("无效的 INI 主机清单：第 2 行：变量应写作 key=value，得到 “notavar”。");
    expect(errorOf('[web]\nweb1 a="open')).toContain("第 2 行：引号没有闭合。");
    expect(errorOf("[web]\nh[5:1]")).toContain("第 2 行：主机范围 “h[5:1]” 的起始值大于结束值。");
    expect(errorOf("[bad group]\nh1")).toContain("无效的节 “[bad group]”");
  });
});

describe("parseHosts: YAML and JSON", () => {
  it("walks all, groups, hosts and children", () => {
    const yaml = `
all:
  hosts:
    jump.example.com:
  vars:
    ntp: time.example.com
  children:
    web:
      hosts:
        web[1:2].example.com:
          http_port: 80
    prod:
      children:
        db:
          hosts:
            db1.example.com: {ansible_port: 5432}
            jump.example.com:
`;
    expect(hostsOf(yaml)).toEqual(["jump.example.com", "web1.example.com", "web2.example.com", "db1.example.com"]);
  });

  it("reads JSON inventories and top-level groups without all", () => {
    expect(hostsOf('{"all": {"hosts": {"a": {}, "b": null}}}')).toEqual(["a", "b"]);
    expect(hostsOf("web:\n  hosts:\n    w1:\ndb:\n  hosts: d1\n")).toEqual(["w1", "d1"]);
    expect(hostsOf("all:\n")).toEqual([]);
  });

  it("refuses hosts that are not a mapping", () => {
    expect(errorOf("all:\n  hosts:\n    - a\n    - b\n")).toBe("无效的 YAML 主机清单：组 “all” 的 “hosts” 必须是字典（mapping），得到的是 list。");
  });

  it("refuses text that is neither", () => {
    expect(errorOf("all:\n  hosts: [a, b\n  vars:\n")).toMatch(/^无效的 YAML 主机清单：第 3 行：Flow sequence .+/);
    expect(errorOf("[web]\nh1 x")).toBe("无效的 INI 主机清单：第 2 行：主机变量应写作 key=value，得到 “x”。");
  });

  it("empty content has no hosts", () => {
    expect(hostsOf("")).toEqual([]);
    expect(hostsOf("  \n# only a comment\n")).toEqual([]);
  });
});
