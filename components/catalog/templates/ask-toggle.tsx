"use client";

import { askFlag, PROMPT_KEYS, type AskFlag, type PromptKey } from "@/lib/contracts/job";
import { useCatalogText } from "../use-catalog-text";

export type AskValues = Record<AskFlag, boolean>;

/** The "启动时询问" checkbox beside a field a launch may set; nothing for other fields. */
export function AskToggle({ field, values, set }: { field: string; values: AskValues; set: (flag: AskFlag, on: boolean) => void }) {
  const { t, c } = useCatalogText();
  if (!(PROMPT_KEYS as readonly string[]).includes(field)) return null;
  const flag = askFlag(field as PromptKey);
  const label = (t.fields as Record<string, string>)[field] ?? field;
  return (
    <label className="ml-auto inline-flex items-center gap-1 text-xs text-slate-600">
      <input
        type="checkbox"
        className="size-3.5 accent-blue-700"
        aria-label={c.templates.askOnLaunchOf(label)}
        checked={values[flag]}
        onChange={(e) => set(flag, e.target.checked)}
      />
      {c.templates.askOnLaunch}
    </label>
  );
}

export const askValuesOf = (r?: Partial<AskValues>): AskValues =>
  Object.fromEntries(PROMPT_KEYS.map((k) => [askFlag(k), r?.[askFlag(k)] ?? false])) as AskValues;
export const ASK_FLAGS = PROMPT_KEYS.map(askFlag);
