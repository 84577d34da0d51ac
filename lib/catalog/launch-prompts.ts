import { askFlag, JOB_FIELDS, PROMPT_KEYS, type PromptKey } from "../contracts/job";
import type { TemplateRecord } from "../contracts/template";

/** How a prompt is edited: a reference is chosen from a list, the rest as the template form edits them. */
export type PromptForm = "reference" | "text" | "textarea" | "int" | "flag" | "choice";
export const promptFormOf = (key: PromptKey): PromptForm => {
  const field = JOB_FIELDS[key] as { option?: { form: PromptForm }; reference?: true };
  return field.option?.form ?? "reference";
};

/** The prompts a template asks for at launch, in the contract's order. */
export const askedPrompts = (t: TemplateRecord): PromptKey[] => PROMPT_KEYS.filter((k) => t[askFlag(k)]);

export type PromptValues = Partial<Record<PromptKey, string | number | boolean | null>>;

/** The launch dialog's starting values: the template's own. */
export function promptValuesOf(t: TemplateRecord): PromptValues {
  return Object.fromEntries(
    askedPrompts(t).map((k) => {
      const form = promptFormOf(k);
      const value = t[k];
      return [k, form === "flag" ? value === 1 : form === "reference" ? value : String(value)];
    }),
  );
}

/** What the launch POST sends: each asked-for value as the API parses it (it judges them). */
export function promptBody(keys: readonly PromptKey[], values: PromptValues): Record<string, unknown> {
  return Object.fromEntries(
    keys.map((k) => {
      const v = values[k];
      const form = promptFormOf(k);
      if (form === "flag") return [k, v ? 1 : 0];
      if (form === "int") return [k, typeof v === "string" && v.trim() === "" ? 0 : v];
      if (k === "verbosity") return [k, Number(v)];
      return [k, v];
    }),
  );
}
