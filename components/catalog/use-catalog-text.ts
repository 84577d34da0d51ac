"use client";

import { catalogEn } from "@/lib/i18n/catalog-en";
import { catalogZh } from "@/lib/i18n/catalog-zh";
import { useI18n } from "../i18n/i18n-provider";

const CATALOG = { zh: catalogZh, en: catalogEn };

/** The catalog's strings (`c`) beside the app's (`t`), in the page's language. */
export function useCatalogText() {
  const { lang, t } = useI18n();
  return { lang, t, c: CATALOG[lang] };
}
