"use client";

import { useMemo } from "react";
import { HttpError } from "@/lib/api/http";
import type { MeRecord } from "@/lib/auth/user-records";
import { Field } from "../catalog/form/field";
import { TimeDisplayToggle } from "../clock/time-display-toggle";
import { useClock } from "../clock/use-clock";
import { useSaveTimeSettings } from "../clock/use-save-time-settings";
import { useI18n } from "../i18n/i18n-provider";
import { Panel } from "../jobs/job-field-list";
import { inputClass } from "../ui/form-field";
import { useIsClient } from "../ui/use-is-client";

/** The zones a browser knows (after hydration: the server's list may differ), and the saved one if it is not among them. */
function useZones(saved: string | null): string[] {
  const isClient = useIsClient();
  return useMemo(() => {
    const known = isClient && typeof Intl.supportedValuesOf === "function" ? ["UTC", ...Intl.supportedValuesOf("timeZone")] : [];
    return saved && !known.includes(saved) ? [saved, ...known] : known;
  }, [isClient, saved]);
}

/** 时区 and exact/relative times: saved on the user at each change. */
export function TimeSettings({ me }: { me: MeRecord }) {
  const { t } = useI18n();
  const clock = useClock();
  const save = useSaveTimeSettings();
  const zones = useZones(me.time_zone);
  const errors = save.error instanceof HttpError ? save.error.fieldErrors?.time_zone : save.error ? [save.error.message] : undefined;
  return (
    <Panel title={t.clock.title}>
      <div className="space-y-4">
        <Field label={t.clock.zone} hint={t.clock.zoneHint} errors={errors}>
          {(p) => (
            <select {...p} value={me.time_zone ?? ""} onChange={(e) => save.mutate({ time_zone: e.target.value || null })} className={inputClass}>
              <option value="">{t.clock.followBrowser(clock.browserZone ?? "…")}</option>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div>
          <span className="mb-1 block text-xs font-medium text-slate-700">{t.clock.display}</span>
          <TimeDisplayToggle />
        </div>
        <p role="status" className="text-sm text-green-800">
          {save.isSuccess ? t.clock.saved : ""}
        </p>
      </div>
    </Panel>
  );
}
