"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import type { MeRecord } from "@/lib/auth/user-records";
import { useLogOut } from "../auth/use-log-out";
import { useI18n } from "../i18n/i18n-provider";
import { Spinner } from "../ui/spinner";

const ITEM = "flex w-full items-center px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none";

/** The signed-in user's name and role; opens to their account page and logout. */
export function UserMenu({ me }: { me: MeRecord }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const logOut = useLogOut();

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex h-9 max-w-56 items-center gap-2 rounded-md px-2 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-700 text-xs font-medium text-white">
          {me.display_name.slice(0, 1).toUpperCase()}
        </span>
        {/* named by what it shows (on a phone, read but not shown), after a prefix only read */}
        <span className="sr-only">{t.userMenu.current}</span>
        <span className="sr-only min-w-0 flex-col items-start leading-tight sm:not-sr-only sm:flex">
          <span className="max-w-36 truncate font-medium text-slate-900" data-testid="user-name">
            {me.display_name}
          </span>
          <span className="text-xs text-slate-500" data-testid="user-role">
            {t.roles[me.role] ?? me.role}
          </span>
        </span>
        <span aria-hidden className="text-xs text-slate-500">
          ▾
        </span>
      </button>
      {open && (
        <div id={panelId} className="absolute right-0 z-40 mt-1 w-56 overflow-hidden rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          <p className="border-b border-slate-100 px-3 pb-2 pt-1 text-xs text-slate-500">
            {me.username} · {t.roles[me.role]}
          </p>
          <Link href="/account" className={ITEM} onClick={() => setOpen(false)}>
            {t.userMenu.account}
          </Link>
          <button type="button" className={ITEM} disabled={logOut.isPending} onClick={() => logOut.mutate()}>
            {logOut.isPending ? (
              <>
                <Spinner /> <span className="ml-1.5">{t.userMenu.loggingOut}</span>
              </>
            ) : (
              t.userMenu.logout
            )}
          </button>
        </div>
      )}
    </div>
  );
}
