import { toTemplateRecord, type TemplateRecord } from "@/lib/contracts/template";
import type { TemplateWithNames } from "./select-templates";

export type { TemplateRecord };

export function serializeTemplate({ template, projectName, inventoryName, credentialName }: TemplateWithNames): TemplateRecord {
  return toTemplateRecord({ ...template, projectName, inventoryName, credentialName });
}
