"use client";

import type { UserRecord } from "@/lib/auth/user-records";
import { LocalTime } from "../ui/local-time";
import { useI18n } from "../i18n/i18n-provider";
import { UserEditDialog } from "./user-edit-dialog";

/** Users with their role, whether they may log in, and when they last did; edit per row. */
export function UserTable({ users, meId, busy, onSaved }: { users: UserRecord[]; meId: number | undefined; busy: boolean; onSaved: (u: UserRecord) => void }) {
  const { t } = useI18n();
  const u = t.users;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className={`w-full min-w-[720px] text-left text-sm ${busy ? "opacity-60" : ""}`} aria-busy={busy}>
        <caption className="sr-only">{u.table}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {[u.username, u.displayName, u.role, u.status, u.lastLogin, u.created].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              <span className="sr-only">{u.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={`border-t border-slate-100 ${user.is_active ? "" : "text-slate-500"}`}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <span className="font-mono">{user.username}</span>
                {user.id === meId && <span className="text-xs font-normal text-slate-500">{u.you}</span>}
                {!user.has_password && <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-normal text-amber-800">{u.noPassword}</span>}
              </th>
              <td className="max-w-48 truncate px-3 py-2" title={user.display_name}>
                {user.display_name}
              </td>
              <td className="px-3 py-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs ${user.role === "admin" ? "bg-blue-50 text-blue-800" : user.role === "operator" ? "bg-slate-100 text-slate-800" : "bg-slate-50 text-slate-600"}`}
                >
                  {t.roles[user.role]}
                </span>
              </td>
              <td className="px-3 py-2">
                {user.is_active ? <span className="text-green-800">{u.active}</span> : <span className="text-red-700">{u.inactive}</span>}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {user.last_login_at === null ? <span className="text-slate-500">{u.never}</span> : <LocalTime value={user.last_login_at} />}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <LocalTime value={user.ctime} />
              </td>
              <td className="px-3 py-1.5 text-right">
                <UserEditDialog user={user} onSaved={onSaved} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
