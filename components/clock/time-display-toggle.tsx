"use client";

import type { TimeDisplay } from "@/lib/auth/time-display";
import { ButtonGroup } from "../ui/button-group";
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
    <ButtonGroup
      label={t.clock.toggle}
      className="inline-flex h-9"
      options={DISPLAYS.map((d) => ({
        value: d,
        label: d === "exact" ? t.clock.exact : t.clock.relative,
        title: d === "exact" ? t.clock.exactHint : t.clock.relativeHint,
      }))}
      value={shown}
      onPick={(d) => d !== shown && save.mutate({ time_display: d })}
    />
  );
}
