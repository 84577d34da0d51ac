"use client";

import { splitDuration } from "@/lib/jobs/format";
import type { OutputSection } from "@/lib/jobs/output-sections";
import { useI18n } from "../../i18n/i18n-provider";

/** The fold button at the start of a play's or task's banner line. */
export function SectionToggle({ section, folded, onToggle }: { section: OutputSection; folded: boolean; onToggle: (line: number) => void }) {
  const { t } = useI18n();
  const s = t.sections;
  const kind = s.kinds[section.kind];
  const label = folded ? s.unfold(kind, section.name) : s.fold(kind, section.name);
  return (
    <button
      type="button"
      aria-expanded={!folded}
      aria-label={label}
      title={label}
      onClick={() => onToggle(section.line)}
      className="mr-1 inline-flex size-4 items-center justify-center rounded-sm align-[-2px] text-[10px] text-slate-300 hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-blue-400"
    >
      <span aria-hidden>{folded ? "▶" : "▼"}</span>
    </button>
  );
}

/** After a banner: how long the section took, its hosts that failed, and how many lines are folded away. */
export function SectionMeta({ section, folded }: { section: OutputSection; folded: boolean }) {
  const { t } = useI18n();
  const s = t.sections;
  const parts: { text: string; tone: string }[] = [];
  if (section.seconds !== null)
    parts.push({ text: s.took(section.seconds < 1 ? s.underASecond : t.duration(...splitDuration(section.seconds))), tone: "text-slate-400" });
  if (section.hosts?.failed) parts.push({ text: s.failedHosts(section.hosts.failed), tone: "text-red-300" });
  if (section.hosts?.unreachable) parts.push({ text: s.unreachableHosts(section.hosts.unreachable), tone: "text-amber-300" });
  if (folded) parts.push({ text: s.hidden(section.last - section.line), tone: "text-sky-300" });
  if (parts.length === 0) return null;
  return (
    <span data-testid="section-meta" className="ml-3 whitespace-nowrap text-xs">
      {parts.map((p, i) => (
        <span key={i} className={p.tone}>
          {i > 0 && <span className="text-slate-600"> · </span>}
          {p.text}
        </span>
      ))}
    </span>
  );
}
