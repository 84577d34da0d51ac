"use client";

import { JOB_TYPES, VERBOSITY_NAMES } from "@/lib/jobs/enums";
import { useI18n } from "../i18n/i18n-provider";

/** The `<option>`s of a job_type select (run / check), as every run-option form shows them. */
export function JobTypeChoices() {
  const { t } = useI18n();
  return JOB_TYPES.map((j) => (
    <option key={j} value={j}>
      {t.jobTypes[j]}
    </option>
  ));
}

/** The `<option>`s of a verbosity select: "0 (Normal)" … "4 (Connection Debug)". */
export function VerbosityChoices() {
  return VERBOSITY_NAMES.map((name, i) => <option key={name} value={String(i)}>{`${i} (${name})`}</option>);
}
