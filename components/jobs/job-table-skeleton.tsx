"use client";

import { COLUMNS, TableFrame } from "./job-table";
import { useI18n } from "../i18n/i18n-provider";

/** The history's shape before the first page arrives: same header, same row height. */
export function JobTableSkeleton({ rows, selectable }: { rows: number; selectable: boolean }) {
  return (
    <>
      <div className="hidden md:block">
        <TableSkeleton rows={rows} selectable={selectable} />
      </div>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white md:hidden" aria-busy>
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="h-[74px] space-y-2 px-3 py-3">
            <div className="h-3.5 w-2/3 animate-pulse rounded bg-slate-200" />
            <div className="h-3 w-1/2 animate-pulse rounded bg-slate-200" />
          </li>
        ))}
      </ul>
    </>
  );
}

function TableSkeleton({ rows, selectable }: { rows: number; selectable: boolean }) {
  const { t } = useI18n();
  return (
    <TableFrame
      busy
      header={
        <tr className="h-10 whitespace-nowrap">
          {selectable && <th scope="col" className="w-9 pl-3 pr-1" />}
          {COLUMNS.map((c) => (
            <th key={c.key} scope="col" className="px-2 font-medium">
              {c.label(t.fields)}
            </th>
          ))}
        </tr>
      }
    >
      {Array.from({ length: rows }, (_, i) => (
        <tr key={i} className="h-11 border-t border-slate-100">
          {selectable && (
            <td className="px-2">
              <div className="h-3.5 w-4 animate-pulse rounded bg-slate-200" />
            </td>
          )}
          {COLUMNS.map((c, j) => (
            <td key={c.key} className="px-2">
              <div className={`h-3.5 animate-pulse rounded bg-slate-200 ${j === 1 ? "w-40" : "w-16"}`} />
            </td>
          ))}
        </tr>
      ))}
    </TableFrame>
  );
}
