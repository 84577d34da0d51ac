import { en } from "./en";
import { zh, type Dictionary } from "./zh";

export type { Dictionary };
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "zh";
/** The cookie that carries the choice, so the server renders the same language. */
export const LANG_COOKIE = "lang";

export const dictionaries: Record<Lang, Dictionary> = { zh, en };

export const resolveLang = (v: string | undefined | null): Lang => ((LANGS as readonly string[]).includes(v ?? "") ? (v as Lang) : DEFAULT_LANG);

/** Remembers the choice for a year; the server reads it on the next render. */
export function writeLangCookie(lang: Lang): void {
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
}

export const htmlLang = (lang: Lang): string => (lang === "zh" ? "zh-CN" : "en");
