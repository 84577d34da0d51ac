/**
 * Whether a job's variables are trusted, so that Ansible may render Jinja in them under
 * JINJA_IN_VARIABLES=template (AWX's ALLOW_JINJA_IN_EXTRA_VARS=template): they are the
 * template's own (left out, or sent back unchanged), or an unchanged copy of the
 * variables of a trusted job this one re-runs. Anything supplied or changed at launch
 * is not. Decided when the job is created (and when a PATCH changes them), and kept on
 * the job, so a re-run behaves as the run it copies.
 */
export function areVariablesTrusted(
  variables: string,
  template: { variables: string } | null | undefined,
  rerunOf: { variables: string; variablesTrusted: boolean } | null | undefined,
): boolean {
  if (variables.trim() === "") return true;
  if (template && variables === template.variables) return true;
  return rerunOf?.variablesTrusted === true && variables === rerunOf.variables;
}
