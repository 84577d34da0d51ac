"use client";

import { useI18n } from "../i18n/i18n-provider";
import { useMe } from "./use-permissions";

/** Said instead of a form or page the user's role may not use. */
export function NoPermission({ page }: { page?: boolean }) {
  const { t } = useI18n();
  const me = useMe().data;
  return (
    <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">{t.noPermission.title}</p>
      <p className="mt-1">{page || !me ? t.noPermission.page : t.noPermission.body(t.roles[me.role] ?? me.role)}</p>
    </div>
  );
}
