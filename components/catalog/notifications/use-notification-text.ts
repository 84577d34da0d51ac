"use client";

import { notificationsEn } from "@/lib/i18n/notifications-en";
import { notificationsZh } from "@/lib/i18n/notifications-zh";
import { useCatalogText } from "../use-catalog-text";

const TEXT = { zh: notificationsZh, en: notificationsEn };

/** The notification pages' strings (`n`) beside the catalog's (`c`), in the page's language. */
export function useNotificationText() {
  const text = useCatalogText();
  return { ...text, n: TEXT[text.lang] };
}
