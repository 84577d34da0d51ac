"use client";

import type { MeRecord } from "@/lib/auth/user-records";
import { Panel } from "../jobs/job-field-list";
import { useI18n } from "../i18n/i18n-provider";
import { LocalTime } from "../ui/local-time";

/** Who the user is to the system: name, display name, role and its meaning, last login. */
export function ProfileSummary({ me }: { me: MeRecord }) {
  const { t } = useI18n();
  const a = t.account;
  const rows: [string, React.ReactNode][] = [
    [
      a.username,
      <span key="u" className="font-mono">
        {me.username}
      </span>,
    ],
    [a.displayName, me.display_name],
    [
      a.role,
      <span key="r">
        {t.roles[me.role]}
        <span className="ml-2 text-xs text-slate-500">{t.roleHints[me.role]}</span>
      </span>,
    ],
    [a.lastLogin, <LocalTime key="l" value={me.last_login_at} />],
    [a.passwordChanged, <LocalTime key="p" value={me.password_changed_at} />],
  ];
  return (
    <Panel title={a.profile}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="min-w-0 break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
