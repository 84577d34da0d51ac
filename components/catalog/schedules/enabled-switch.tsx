"use client";

import type { FieldErrors } from "@/lib/api/http";
import type { ScheduleRecord } from "@/lib/catalog/catalog-records";
import { toFieldErrors } from "../form/use-form-state";
import { useSaveCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { usePermissions } from "../../auth/use-permissions";

/** Enables or disables a schedule in place (PATCH `enabled`); a viewer sees the state only. */
export function EnabledSwitch({ schedule, onError }: { schedule: ScheduleRecord; onError: (e: FieldErrors | null) => void }) {
  const { c } = useCatalogText();
  const save = useSaveCatalogItem("schedule");
  const { canOperate } = usePermissions();
  const on = save.isPending ? !schedule.enabled : schedule.enabled;
  if (!canOperate) return <span className={on ? "text-green-800" : "text-slate-500"}>{on ? c.schedules.enabledState.on : c.schedules.enabledState.off}</span>;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={c.schedules.toggle(schedule.name)}
      disabled={save.isPending}
      onClick={() => {
        onError(null);
        save.mutate({ id: schedule.id, body: { enabled: !schedule.enabled } }, { onError: (e) => onError(toFieldErrors(e)) });
      }}
      className="inline-flex items-center gap-2 rounded-full text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
    >
      <span aria-hidden className={`relative inline-block h-5 w-9 rounded-full transition-colors ${on ? "bg-green-600" : "bg-slate-300"}`}>
        <span className={`absolute top-0.5 size-4 rounded-full bg-white shadow transition-all ${on ? "left-[18px]" : "left-0.5"}`} />
      </span>
      <span className={`sr-only whitespace-nowrap sm:not-sr-only ${on ? "text-green-800" : "text-slate-500"}`}>
        {on ? c.schedules.enabledState.on : c.schedules.enabledState.off}
      </span>
    </button>
  );
}
