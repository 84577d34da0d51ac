import type { ReactNode } from "react";

export type FieldRow = { label: string; value: ReactNode; wide?: boolean };

/** Label/value pairs of a record, two columns from tablet width up. */
export function FieldList({ rows }: { rows: FieldRow[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
      {rows.map((r) => (
        <div key={r.label} className={`min-w-0 ${r.wide ? "sm:col-span-2" : ""}`}>
          <dt className="text-xs font-medium text-slate-500">{r.label}</dt>
          <dd className="mt-0.5 break-words text-sm text-slate-900">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Panel({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-md border border-slate-200 bg-white">
      <div className="flex min-h-11 items-center justify-between gap-2 border-b border-slate-100 px-4 py-2">
        <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
        {actions}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}
