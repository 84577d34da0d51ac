import type { Metadata } from "next";
import { cookies } from "next/headers";
import { dictionaries, LANG_COOKIE, resolveLang, type Dictionary, type Lang } from "@/lib/i18n";
import { catalogEn } from "@/lib/i18n/catalog-en";
import { fullTitle } from "@/lib/i18n/page-title";
import { catalogZh, type CatalogDictionary } from "@/lib/i18n/catalog-zh";

const CATALOG: Record<Lang, CatalogDictionary> = { zh: catalogZh, en: catalogEn };

export type TitleText = { t: Dictionary; c: CatalogDictionary };

/** The language this request's page is rendered in (the switch's cookie). */
export const readPageLang = async (): Promise<Lang> => resolveLang((await cookies()).get(LANG_COOKIE)?.value);

/**
 * A page's title in the page's language; the root layout's template adds the application's
 * name. `/` is in the layout's own segment, which its template does not reach: it is given whole.
 */
export async function pageTitle(make: (text: TitleText) => string, { root = false } = {}): Promise<Metadata> {
  const lang = await readPageLang();
  const text = { t: dictionaries[lang], c: CATALOG[lang] };
  return { title: root ? { absolute: fullTitle(text.t, make(text)) } : make(text) };
}
