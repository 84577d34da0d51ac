import type { Metadata } from "next";
import { cookies } from "next/headers";
import { dictionaries, LANG_COOKIE, resolveLang, type Dictionary, type Lang } from "@/lib/i18n";
import { catalogEn } from "@/lib/i18n/catalog-en";
import { catalogZh, type CatalogDictionary } from "@/lib/i18n/catalog-zh";

const CATALOG: Record<Lang, CatalogDictionary> = { zh: catalogZh, en: catalogEn };

export type TitleText = { t: Dictionary; c: CatalogDictionary };

/** The language this request's page is rendered in (the switch's cookie). */
export const readPageLang = async (): Promise<Lang> => resolveLang((await cookies()).get(LANG_COOKIE)?.value);

/** A page's title in the page's language; the root layout's template adds the application's name. */
export async function pageTitle(make: (text: TitleText) => string): Promise<Metadata> {
  const lang = await readPageLang();
  return { title: make({ t: dictionaries[lang], c: CATALOG[lang] }) };
}
