"use client";

import { usePermissions } from "../auth/use-permissions";
import { useI18n } from "../i18n/i18n-provider";
import { ApiTokens } from "./api-tokens";
import { PasswordForm } from "./password-form";
import { ProfileSummary } from "./profile-summary";
import { TimeSettings } from "./time-settings";

/** The signed-in user's own page: who they are, their password, how they read times, their API tokens. */
export function AccountPage() {
  const { t } = useI18n();
  const { me } = usePermissions();
  if (!me) return null;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-xl font-semibold">{t.account.title}</h1>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <ProfileSummary me={me} />
        <PasswordForm username={me.username} />
        <TimeSettings me={me} />
      </div>
      <ApiTokens />
    </div>
  );
}
