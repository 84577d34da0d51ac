"use client";

import { useState } from "react";
import { formatRelative } from "@/lib/jobs/format";
import { useClock } from "../clock/use-clock";
import { useI18n } from "../i18n/i18n-provider";
import { useIsClient } from "./use-is-client";
import { useSharedNow } from "./use-shared-now";

/**
 * A Unix time in the user's zone with its offset, `2026-12-07 20:35:18 (UTC+8)`, the
 * relative time on hover; or, as the user chose, "3 分钟前" (kept current) with the exact
 * time on hover.
 */
export function LocalTime({ value }: { value: number | null }) {
  const { t } = useI18n();
  const clock = useClock();
  const isClient = useIsClient();
  const relative = clock.display === "relative" && isClient;
  const now = useSharedNow(relative && value != null);
  const [hoveredAt, setHoveredAt] = useState<number | null>(null);
  if (value == null) return <span className="text-slate-500">{t.none}</span>;
  const iso = new Date(value * 1000).toISOString();
  if (clock.zone === null || (clock.display === "relative" && !isClient))
    return (
      <time dateTime={iso} className="invisible tabular-nums">
        0000-00-00 00:00:00 (UTC+0)
      </time>
    );
  const exact = `${clock.wall(value)} (${clock.label(value)})`;
  if (relative)
    return (
      <time dateTime={iso} title={exact} className="tabular-nums">
        {formatRelative(value, now, t.locale)}
      </time>
    );
  return (
    <time
      dateTime={iso}
      title={hoveredAt === null ? undefined : formatRelative(value, hoveredAt, t.locale)}
      onMouseEnter={() => setHoveredAt(Date.now() / 1000)}
      className="tabular-nums"
    >
      {clock.wall(value)} <span className="text-xs text-slate-500">({clock.label(value)})</span>
    </time>
  );
}
