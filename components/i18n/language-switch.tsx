"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LANGS, writeLangCookie, type Lang } from "@/lib/i18n";
import { useI18n } from "./i18n-provider";

const NAMES: Record<Lang, string> = { zh: "中文", en: "English" };

/** Stores the choice in a cookie (so the server renders it too) and re-renders the page. */
export function LanguageSwitch() {
  const { lang, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (next: Lang) => {
    if (next === lang) return;
    writeLangCookie(next);
    startTransition(() => router.refresh());
  };

  return (
    <div role="group" aria-label={t.app.language} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm" aria-busy={pending}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l === "zh" ? "zh-CN" : "en"}
          aria-pressed={l === lang}
          onClick={() => choose(l)}
          className={`rounded px-2.5 py-1 focus-visible:outline-2 focus-visible:outline-blue-600 ${l === lang ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
