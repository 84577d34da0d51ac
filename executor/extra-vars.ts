import { parseDocument, visit, type Scalar } from "yaml";

/** How `JINJA_IN_VARIABLES` treats a job's variables (AWX's ALLOW_JINJA_IN_EXTRA_VARS). */
export type JinjaInVariables = "template" | "always" | "never";

/** Whether Ansible may render Jinja in this job's variables, or must take them literally. */
export function mayRenderJinja(mode: JinjaInVariables, variablesTrusted: boolean): boolean {
  return mode === "always" || (mode === "template" && variablesTrusted);
}

/**
 * The extra-vars file of a job. Trusted variables are written as they are. Otherwise
 * every string — values and keys, at any depth — is tagged `!unsafe`, so Ansible takes
 * `{{ … }}` and `{% … %}` literally instead of running them on the controller, and
 * every other value keeps the type Ansible would have read from the original text.
 */
export function extraVarsFile(variables: string, renderJinja: boolean): string {
  return `${renderJinja ? variables : markStringsUnsafe(variables)}\n`;
}

// PyYAML's implicit resolvers (YAML 1.1, as Ansible's loader uses them): a plain scalar
// matching one of these is not a string. Copied from PyYAML 6.0's resolver.py.
const PYYAML_NOT_STRING = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

const STR_TAG = "tag:yaml.org,2002:str";
const JSON_EXPONENT = /^-?\d+(?:\.\d+)?[eE][-+]?\d+$/;

/**
 * The same document with `!unsafe` on each scalar Ansible would read as a string. The
 * text is parsed with every scalar kept as written (the failsafe schema), so types are
 * decided by PyYAML's rules, not this parser's. Ansible reads text that is valid JSON
 * as JSON: there `1e3` is a number, which YAML 1.1 would read as a string, so such
 * numbers get an explicit `!!float`.
 */
export function markStringsUnsafe(variables: string): string {
  const doc = parseDocument(variables, { schema: "failsafe", version: "1.1", uniqueKeys: false, logLevel: "silent" });
  const [firstError] = doc.errors;
  if (firstError) throw new Error(`variables 不是有效的 YAML：${firstError.message.split("\n")[0]}`);
  const isJson = parsesAsJson(variables);
  visit(doc, {
    Scalar(_key, node) {
      if (isJson && node.type === "PLAIN" && JSON_EXPONENT.test(String(node.value))) {
        node.tag = "tag:yaml.org,2002:float";
      } else if (isAnsibleString(node)) {
        node.tag = "!unsafe";
        if (node.type === "PLAIN") node.type = "QUOTE_DOUBLE";
      }
    },
  });
  return doc.toString({ lineWidth: 0 }).replace(/\n$/, "");
}

function isAnsibleString(node: Scalar): boolean {
  if (node.tag) return node.tag === STR_TAG;
  if (node.type !== "PLAIN") return true;
  const value = String(node.value);
  return !PYYAML_NOT_STRING.some((re) => re.test(value));
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
