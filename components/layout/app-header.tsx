"use client";

import Link from "next/link";
import { LanguageSwitch } from "../i18n/language-switch";
import { useI18n } from "../i18n/i18n-provider";

export function AppHeader() {
  const { t } = useI18n();
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {t.app.skip}
      </a>
      <div className="mx-auto flex h-14 max-w-[1600px] items-center justify-between gap-4 px-4">
        <nav aria-label={t.app.title} className="flex items-center gap-6">
          <Link href="/jobs" className="text-lg font-semibold text-slate-900">
            {t.app.title}
          </Link>
          <Link href="/jobs" className="hidden text-sm text-slate-600 hover:text-slate-900 sm:inline">
            {t.app.history}
          </Link>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}
