import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { extraVarsFile, markStringsUnsafe, mayRenderJinja } from "./extra-vars";

/**
 * Loads each pair with Ansible's own loader (`from_yaml`: JSON first, then YAML 1.1),
 * and answers whether both give the same values of the same types, and whether every
 * string of the second (keys too) is unsafe.
 */
const COMPARE = `
import json, sys
from ansible.parsing.utils.yaml import from_yaml
from ansible.utils.unsafe_proxy import AnsibleUnsafe

def norm(v):
    if isinstance(v, dict): return {"dict": [[norm(k), norm(x)] for k, x in v.items()]}
    if isinstance(v, list): return {"list": [norm(x) for x in v]}
    if isinstance(v, str): return {"str": str(v)}
    if isinstance(v, bool): return {"bool": v}
    if isinstance(v, int): return {"int": str(v)}
    if isinstance(v, float): return {"float": repr(v)}
    if v is None: return None
    return {type(v).__name__: str(v)}

def unsafe(v):
    if isinstance(v, dict): return all(unsafe(k) and unsafe(x) for k, x in v.items())
    if isinstance(v, list): return all(unsafe(x) for x in v)
    if isinstance(v, str): return isinstance(v, AnsibleUnsafe)
    return True

out = []
for original, marked in json.load(sys.stdin):
    a, b = from_yaml(original), from_yaml(marked)
    out.append({"same": norm(a) == norm(b), "unsafe": unsafe(b), "original": norm(a), "marked": norm(b)})
print(json.dumps(out))
`;

function loadWithAnsible(pairs: [string, string][]): { same: boolean; unsafe: boolean; original: unknown; marked: unknown }[] {
  const run = spawnSync("/usr/bin/python3", ["-c", COMPARE], { input: JSON.stringify(pairs), encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const DOCUMENTS = [
  [
    "a: yes",
    'b: "x {{ y }}"',
    "c:",
    'd: !!int "3"',
    'e: [1, two, "3", null, ~, Null]',
    "f: 1e3",
    'base: &b {g: 1, h: "{{ x }}"}',
    "m:",
    "  <<: *b",
    "  i: 2",
    "h: !unsafe foo",
    "k: |",
    "  multi {{ x }}",
    "  line",
    "l: 2001-12-14",
    "l2: 2001-12-14 21:59:43.10 -5",
    "l3: 2001-1-14",
    "n: 0x1F",
    "o: 017",
    "p: 1_000",
    "q: 1:20",
    "r: .inf",
    "s: -.5",
    "t: y",
    "u: '{% if x %}'",
    "v: !!str 123",
    'x: "\\u00e9\\t"',
    "nested: {a: [ {b: \"{{ lookup('pipe','id') }}\"} ]}",
    "on: off",
    "empty: ''",
    "folded: >",
    "  one {{ x }}",
    "  two",
  ].join("\n"),
  '{"a": "{{ x }}", "b": 1e3, "c": 1.5E3, "c2": 1.5e+3, "d": [true, null, -0, 1.5, 10], "e": {"f": "\\u00e9\\/"}, "g": 12345678901234567890, "h": "yes"}',
  "list:\n  - one\n  - 2\n  - plain\n    folded {{ x }}\n  - - deeper {{ x }}\n    - 3.0\n",
  '2: one\nyes: two\n"3": three\n"{{ x }}": four\n',
  "---\n# comment\na: 1 # trailing\nb: text # {{ x }}\n",
  "{'a': 'it''s {{ x }}', b: [a, 'b']}",
  "{}",
  "vals: [0o17, 0b101, +1, -1_0, 1.0e+3, 1.0e3, .5, 5., 1:2:3, 190:20:30.15, .NaN, -.Inf, NULL, Off, n, N, ~a, 2001-12-14t21:59:43.10-05:00, 12:60, 0x_1, 08, 09.5, <<a, 1e-3, TRUE, tRUE]",
];

describe("markStringsUnsafe", () => {
  it("keeps every value and its type as Ansible reads it, and makes every string unsafe", () => {
    const results = loadWithAnsible(DOCUMENTS.map((d) => [d, markStringsUnsafe(d)]));
    results.forEach((r, i) => {
      expect(r.same, `${DOCUMENTS[i]}\n→\n${markStringsUnsafe(DOCUMENTS[i]!)}\n${JSON.stringify(r)}`).toBe(true);
      expect(r.unsafe, DOCUMENTS[i]).toBe(true);
    });
  });

  it("tags strings, not numbers, booleans or nulls", () => {
    expect(markStringsUnsafe("a: \"{{ lookup('pipe', 'id') }}\"\nb: 1\nc: true\nd: ~")).toBe(
      '!unsafe "a": !unsafe "{{ lookup(\'pipe\', \'id\') }}"\n!unsafe "b": 1\n!unsafe "c": true\n!unsafe "d": ~',
    );
    expect(markStringsUnsafe('x: ["{{ a }}", {y: "{% b %}"}]')).toBe('!unsafe "x": [ !unsafe "{{ a }}", { !unsafe "y": !unsafe "{% b %}" } ]');
  });
});

describe("extraVarsFile and mayRenderJinja", () => {
  it("writes trusted variables unchanged and marks the others", () => {
    expect(extraVarsFile("a: '{{ b }}'", true)).toBe("a: '{{ b }}'\n");
    expect(extraVarsFile("a: '{{ b }}'", false)).toBe("!unsafe \"a\": !unsafe '{{ b }}'\n");
  });

  it("follows JINJA_IN_VARIABLES", () => {
    expect(mayRenderJinja("template", true)).toBe(true);
    expect(mayRenderJinja("template", false)).toBe(false);
    expect(mayRenderJinja("always", false)).toBe(true);
    expect(mayRenderJinja("never", true)).toBe(false);
  });
});
