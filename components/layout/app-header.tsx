"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LanguageSwitch } from "../i18n/language-switch";
import { useI18n } from "../i18n/i18n-provider";
import { usePermissions } from "../auth/use-permissions";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";

/** Skip links (on the history also straight to its list), the title, the sections, the language and the signed-in user; before a login, the title and the language. */
const SKIP_LINK =
  "sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow";

export function AppHeader() {
  const { t } = useI18n();
  const pathname = usePathname();
  const { me, canAdminister } = usePermissions();
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className={SKIP_LINK}>
        {t.app.skip}
      </a>
      {pathname === "/jobs" && (
        <a href="#job-list" className={SKIP_LINK}>
          {t.skipToJobs}
        </a>
      )}
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 px-4 md:h-14 md:flex-nowrap">
        <Link href="/jobs" className="flex h-12 shrink-0 items-center text-lg font-semibold text-slate-900 md:h-auto">
          {t.app.title}
        </Link>
        <div className="order-2 ml-auto flex items-center gap-2 md:order-3">
          <LanguageSwitch />
          {me && <UserMenu me={me} />}
        </div>
        {me && <MainNav withUsers={canAdminister} />}
      </div>
    </header>
  );
}
