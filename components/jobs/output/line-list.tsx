"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
import { lineAnchor } from "@/lib/jobs/line-anchor";
import type { OutputSection } from "@/lib/jobs/output-sections";
import { useI18n } from "../../i18n/i18n-provider";
import { AnsiText } from "./ansi-text";
import { SectionMeta, SectionToggle } from "./section-toggle";

const ROW_PX = 20;
const PAD_PX = 6;
/** the box's size before it is measured (the server's render): the first screen of lines is in the HTML */
const FIRST_PAINT_RECT = { width: 1200, height: 544 };

export type Row = { line: number; text: string | undefined };
export type Jump = { index: number; seq: number };

type Props = {
  label: string;
  count: number;
  rowAt: (index: number) => Row;
  /** bumps when rows changed without the count changing */
  version?: number;
  onRange?: (first: number, last: number) => void;
  onEndReached?: () => void;
  /** keep the last line in view as lines arrive; only offered while the job runs */
  follow: boolean;
  canFollow: boolean;
  onFollowChange: (follow: boolean) => void;
  jump: Jump | null;
  highlight: number | null;
  /** long lines fold onto several rows (each row is measured) instead of scrolling sideways */
  wrap: boolean;
  /** a line's number was clicked: its address (`#L29`) */
  onLineClick: (line: number) => void;
  footer?: ReactNode;
  /** plays and tasks that fold, by their banner's line; which are folded; fold or unfold one */
  sections?: ReadonlyMap<number, OutputSection>;
  folded?: ReadonlySet<number>;
  onToggleSection?: (line: number) => void;
};

/**
 * Output lines in a scroll box that renders only what is in view (a 100,000-line job
 * keeps ~60 rows in the DOM). Rows are measured, so wrapped lines take the height they
 * need; unwrapped, the numbers stay put when scrolling sideways.
 */
export function LineList({
  label,
  count,
  rowAt,
  version,
  onRange,
  onEndReached,
  follow,
  canFollow,
  onFollowChange,
  jump,
  highlight,
  wrap,
  onLineClick,
  footer,
  sections,
  folded,
  onToggleSection,
}: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's own state drives re-renders
  const v = useVirtualizer({
    count,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_PX,
    overscan: 30,
    paddingStart: PAD_PX,
    paddingEnd: PAD_PX,
    initialRect: FIRST_PAINT_RECT,
  });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const gutter = `${Math.max(3, String(count > 0 ? rowAt(count - 1).line : 0).length) + 2}ch`;

  useEffect(() => {
    if (last >= 0) onRange?.(first, last);
  }, [first, last, count, onRange]);

  useEffect(() => {
    if (count > 0 && last >= count - 5) onEndReached?.();
  }, [last, count, onEndReached]);

  const totalSize = v.getTotalSize();
  useLayoutEffect(() => {
    const el = box.current;
    if (follow && canFollow && el) el.scrollTop = el.scrollHeight;
  }, [follow, canFollow, count, version, totalSize]);

  useEffect(() => {
    if (!jump) return;
    box.current?.scrollIntoView({ block: "nearest" });
    v.scrollToIndex(jump.index, { align: "center" });
  }, [jump, v]);

  const onScroll = () => {
    const el = box.current;
    if (!el || !canFollow) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_PX * 1.5;
    if (atBottom !== follow) onFollowChange(atBottom);
  };

  return (
    <div
      ref={box}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label={label}
      data-testid="output-lines"
      className="max-h-[min(60vh,34rem)] min-h-16 overflow-auto rounded bg-slate-950 font-mono text-[13px] leading-5 text-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500"
    >
      <div className="relative min-w-full" style={{ height: totalSize }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const marked = row.line === highlight;
          const section = onToggleSection ? sections?.get(row.line) : undefined;
          const isFolded = section !== undefined && folded?.has(section.line) === true;
          return (
            <div
              key={item.key}
              ref={v.measureElement}
              data-index={item.index}
              data-line={row.line}
              className={`absolute left-0 top-0 flex min-h-5 ${wrap ? "w-full" : "w-max min-w-full whitespace-pre"} ${marked ? "bg-amber-400/25" : "hover:bg-white/5"}`}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {/* out of the tab order and hidden from screen readers: a way for the mouse to copy a line's address */}
              <a
                href={lineAnchor(row.line)}
                tabIndex={-1}
                aria-hidden
                title={t.lineView.lineLink(row.line)}
                onClick={(e) => {
                  e.preventDefault();
                  onLineClick(row.line);
                }}
                className={`sticky left-0 shrink-0 select-none border-r border-slate-800 pr-2 text-right tabular-nums hover:text-slate-200 hover:underline ${marked ? "bg-amber-900 text-amber-100" : "bg-slate-950 text-slate-400"}`}
                style={{ width: gutter }}
              >
                {row.line}
              </a>
              <span className={wrap ? "min-w-0 flex-1 whitespace-pre-wrap pl-3 pr-4 wrap-anywhere" : "pl-3 pr-4"}>
                {section && <SectionToggle section={section} folded={isFolded} onToggle={onToggleSection!} />}
                {row.text === undefined ? <span className="text-slate-400">…</span> : <AnsiText text={row.text} />}
                {section && <SectionMeta section={section} folded={isFolded} />}
              </span>
            </div>
          );
        })}
      </div>
      {footer}
    </div>
  );
}
