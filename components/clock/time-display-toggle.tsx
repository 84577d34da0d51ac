"use client";

import type { TimeDisplay } from "@/lib/auth/time-display";
import { useI18n } from "../i18n/i18n-provider";
import { useClock } from "./use-clock";
import { useSaveTimeSettings } from "./use-save-time-settings";

const DISPLAYS: TimeDisplay[] = ["exact", "relative"];

/** Exact ↔ relative times, saved on the user: two pressed/unpressed buttons. */
export function TimeDisplayToggle() {
  const { t } = useI18n();
  const clock = useClock();
  const save = useSaveTimeSettings();
  const shown = save.isPending && save.variables.time_display ? save.variables.time_display : clock.display;
  return (
    <div role="group" aria-label={t.clock.toggle} className="inline-flex h-9 overflow-hidden rounded-md border border-slate-300 bg-white text-sm">
      {DISPLAYS.map((d) => (
        <button
          key={d}
          type="button"
          aria-pressed={d === shown}
          title={d === "exact" ? t.clock.exactHint : t.clock.relativeHint}
          onClick={() => d !== shown && save.mutate({ time_display: d })}
          className={`px-2.5 whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${d === shown ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-50"}`}
        >
          {d === "exact" ? t.clock.exact : t.clock.relative}
        </button>
      ))}
    </div>
  );
}
