"use client";

import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { ErrorState } from "./error-state";
import { Spinner } from "./spinner";

/** What a list or panel needs of its query (TanStack's result has it all). */
type Loadable<T> = { data: T | undefined; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };

type Props<T> = {
  query: Loadable<T>;
  /** The title of the failure, naming what did not load. */
  errorTitle: string;
  /** With `empty`: data that shows `empty` instead of `children`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Inside a panel: less room around the loading line. */
  compact?: boolean;
  children: (data: T) => ReactNode;
};

/**
 * A query's states before its content, the same on every page: failed with a retry (only
 * while nothing loaded: a failed refresh keeps what is shown), loading, empty, then the data.
 */
export function QueryState<T>({ query, errorTitle, isEmpty, empty, compact, children }: Props<T>) {
  const { t } = useI18n();
  if (query.isError && query.data === undefined)
    return <ErrorState title={errorTitle} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (query.data === undefined)
    return (
      <p className={`flex items-center gap-2 text-sm text-slate-500 ${compact ? "py-2" : "py-8"}`}>
        <Spinner /> {t.loading}
      </p>
    );
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** Nothing to list: a dashed box with the reason and, below it, what to do next. */
export function EmptyState({ children, action, compact }: { children: ReactNode; action?: ReactNode; compact?: boolean }) {
  return (
    <div
      className={`rounded-md border border-dashed border-slate-300 bg-white px-4 text-center ${compact ? "py-6 text-sm text-slate-600" : "py-12 font-medium text-slate-800"}`}
    >
      <p>{children}</p>
      {action}
    </div>
  );
}
