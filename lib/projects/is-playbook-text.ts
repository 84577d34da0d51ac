import { parseYamlSafely } from "../yaml/parse-yaml-safely";

const PLAY_KEYS = ["hosts", "import_playbook", "ansible.builtin.import_playbook"];

/** A YAML file is a playbook when it is a list of plays: mappings with `hosts` or `import_playbook`. */
export function isPlaybookText(text: string): boolean {
  let doc: unknown;
  try {
    doc = parseYamlSafely(text);
  } catch {
    return false;
  }
  return (
    Array.isArray(doc) &&
    doc.length > 0 &&
    doc.every((play) => typeof play === "object" && play !== null && !Array.isArray(play) && PLAY_KEYS.some((k) => k in play))
  );
}
