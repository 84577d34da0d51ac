import { toTemplateRecord, type TemplateRecord } from "@/lib/contracts/template";
import type { TemplateWithNames } from "./select-templates";

export type { TemplateRecord };

export function serializeTemplate({ template, ...joined }: TemplateWithNames): TemplateRecord {
  return toTemplateRecord({ ...template, ...joined });
}
