"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useI18n } from "../i18n/i18n-provider";
import { useCatalogText } from "../catalog/use-catalog-text";

const SECTIONS = [
  ["/jobs", "jobs"],
  ["/templates", "templates"],
  ["/projects", "projects"],
  ["/inventories", "inventories"],
  ["/credentials", "credentials"],
  ["/schedules", "schedules"],
  ["/notifications", "notifications"],
] as const;

/** The app's sections, and the users and retention pages for an admin; a row of its own that scrolls sideways on a phone. */
export function MainNav({ withUsers }: { withUsers: boolean }) {
  const { t } = useI18n();
  const { c } = useCatalogText();
  const pathname = usePathname();
  const router = useRouter();
  const isCurrent = (href: string) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
  const sections: { href: string; label: string }[] = SECTIONS.map(([href, key]) => ({ href, label: c.nav[key] }));
  // the hosts jobs ran on, next to the jobs; the overview first
  sections.splice(1, 0, { href: "/hosts", label: t.hosts.nav });
  sections.unshift({ href: "/", label: t.dashboard.nav });
  if (withUsers) sections.push({ href: "/users", label: t.userMenu.users }, { href: "/settings/retention", label: t.retention.nav });
  return (
    <nav
      aria-label={c.nav.label}
      className="order-3 -mx-4 w-[calc(100%+2rem)] overflow-x-auto border-t border-slate-100 px-2 md:order-2 md:mx-0 md:w-auto md:border-0 md:px-0"
    >
      <ul className="flex h-11 items-center gap-1 md:h-14">
        {sections.map(({ href, label }) => {
          const current = isCurrent(href);
          return (
            <li key={href} className="h-full">
              <Link
                href={href}
                // prefetched when pointed at, touched or focused: in view, all ten sections
                // were rendered by the server after every page load (two requests each)
                prefetch={false}
                onMouseEnter={() => router.prefetch(href)}
                onTouchStart={() => router.prefetch(href)}
                onFocus={() => router.prefetch(href)}
                aria-current={current ? "page" : undefined}
                className={`flex h-full items-center whitespace-nowrap border-b-2 px-2.5 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${current ? "border-blue-700 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
