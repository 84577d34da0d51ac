"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LanguageSwitch } from "../i18n/language-switch";
import { useI18n } from "../i18n/i18n-provider";
import { useCatalogText } from "../catalog/use-catalog-text";

const SECTIONS = [
  ["/jobs", "jobs"],
  ["/templates", "templates"],
  ["/projects", "projects"],
  ["/inventories", "inventories"],
  ["/credentials", "credentials"],
  ["/schedules", "schedules"],
] as const;

/** The title, the sections (a row of its own that scrolls sideways on a phone) and the language. */
export function AppHeader() {
  const { t } = useI18n();
  const { c } = useCatalogText();
  const pathname = usePathname();
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {t.app.skip}
      </a>
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 px-4 md:h-14 md:flex-nowrap">
        <Link href="/jobs" className="flex h-12 shrink-0 items-center text-lg font-semibold text-slate-900 md:h-auto">
          {t.app.title}
        </Link>
        <div className="order-2 ml-auto md:order-3">
          <LanguageSwitch />
        </div>
        <nav aria-label={c.nav.label} className="order-3 -mx-4 w-[calc(100%+2rem)] overflow-x-auto border-t border-slate-100 px-2 md:order-2 md:mx-0 md:w-auto md:border-0 md:px-0">
          <ul className="flex h-11 items-center gap-1 md:h-14">
            {SECTIONS.map(([href, key]) => {
              const current = isCurrent(href);
              return (
                <li key={href} className="h-full">
                  <Link
                    href={href}
                    aria-current={current ? "page" : undefined}
                    className={`flex h-full items-center whitespace-nowrap border-b-2 px-2.5 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${current ? "border-blue-700 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
                  >
                    {c.nav[key]}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
    </header>
  );
}
