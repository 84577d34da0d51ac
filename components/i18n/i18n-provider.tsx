"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { dictionaries, type Dictionary, type Lang } from "@/lib/i18n";

type I18n = { lang: Lang; t: Dictionary };

const I18nContext = createContext<I18n>({ lang: "zh", t: dictionaries.zh });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: dictionaries[lang] }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);

/**
 * Labels of a job's enumerations: the API's own `*_name` (Chinese) where it has one and the
 * page is Chinese, the dictionary otherwise.
 */
export function useJobLabels() {
  const { lang, t } = useI18n();
  return useMemo(
    () => ({
      state: (state: string, apiName?: string) => (lang === "zh" && apiName ? apiName : (t.states[state] ?? state)),
      kind: (kind: string, apiName?: string) => (lang === "zh" && apiName ? apiName : (t.kinds[kind] ?? kind)),
      flag: (v: number, apiName?: string) => (lang === "zh" && apiName ? apiName : t.flags[v ? 1 : 0]),
      jobType: (v: string) => t.jobTypes[v] ?? v,
    }),
    [lang, t],
  );
}
