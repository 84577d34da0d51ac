"use client";

import { useState, useSyncExternalStore } from "react";
import { formatLocalTime, formatRelative } from "@/lib/jobs/format";
import { useI18n } from "../i18n/i18n-provider";

const subscribe = () => () => {};
/** False while rendering on the server and hydrating: the server does not know the viewer's time zone. */
export const useIsClient = () =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

/** A Unix time in the viewer's time zone; the relative time ("3 分钟前") on hover. */
export function LocalTime({ value }: { value: number | null }) {
  const { t } = useI18n();
  const isClient = useIsClient();
  const [hoveredAt, setHoveredAt] = useState<number | null>(null);
  if (value == null) return <span className="text-slate-500">{t.none}</span>;
  const iso = new Date(value * 1000).toISOString();
  if (!isClient)
    return (
      <time dateTime={iso} className="invisible tabular-nums">
        0000-00-00 00:00:00
      </time>
    );
  return (
    <time
      dateTime={iso}
      title={hoveredAt === null ? undefined : formatRelative(value, hoveredAt, t.locale)}
      onMouseEnter={() => setHoveredAt(Date.now() / 1000)}
      className="tabular-nums"
    >
      {formatLocalTime(value)}
    </time>
  );
}
