"use client";

import { useDeferredValue, useMemo } from "react";
import { describeCron } from "@/lib/schedules/describe-cron";
import { cronProblem, isTimeZone, nextRunAfter } from "@/lib/schedules/cron";
import { formatInZone } from "@/lib/schedules/zone-time";
import { nowSeconds } from "@/lib/time";
import { inputClass } from "../../ui/form-field";
import { useIsClient } from "../../ui/use-is-client";
import { Field } from "../form/field";
import { useCatalogText } from "../use-catalog-text";

const SHOWN_RUNS = 3;

/** The next `n` run times after now, or null when the expression or the zone is not valid. */
function nextRuns(cron: string, timezone: string, n: number): number[] | null {
  if (cronProblem(cron) !== null || !isTimeZone(timezone)) return null;
  const out: number[] = [];
  let after = nowSeconds();
  while (out.length < n) {
    const next = nextRunAfter(cron, timezone, after);
    if (next === null) break;
    out.push(next);
    after = next;
  }
  return out;
}

/** The cron input with its reading in words and the next run times in the schedule's zone. */
export function CronField({ value, timezone, onChange, errors }: { value: string; timezone: string; onChange: (v: string) => void; errors?: string[] }) {
  const { lang, c } = useCatalogText();
  const isClient = useIsClient();
  const cron = useDeferredValue(value);
  const runs = useMemo(() => (isClient ? nextRuns(cron, timezone, SHOWN_RUNS) : null), [cron, timezone, isClient]);
  const words = describeCron(cron, lang);
  const invalid = isClient && cron.trim() !== "" && cronProblem(cron) !== null;

  const hint = (
    <span className="block space-y-0.5">
      <span className="block">{c.schedules.cronHint}</span>
      {words && runs && (
        <span className="block font-medium text-slate-700" data-testid="cron-words">
          {words}
        </span>
      )}
      {runs && runs.length > 0 && (
        <span className="block">
          {c.schedules.nextRuns(timezone)}
          <span className="tabular-nums">{runs.map((r) => formatInZone(r, timezone)).join(lang === "zh" ? "、" : ", ")}</span>
        </span>
      )}
      {invalid && !errors?.length && <span className="block text-amber-800">{c.schedules.cronInvalid}</span>}
    </span>
  );
  return (
    <Field label={c.schedules.cron} required errors={errors} hint={hint}>
      {(p) => (
        <input
          {...p}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="0 2 * * *"
          className={`${inputClass} font-mono`}
          spellCheck={false}
          autoComplete="off"
        />
      )}
    </Field>
  );
}
