"use client";

import type { TokenRecord } from "@/lib/auth/user-records";
import { nowSeconds } from "@/lib/time";
import { LocalTime } from "../ui/local-time";
import { useI18n } from "../i18n/i18n-provider";
import { RevokeTokenButton } from "./revoke-token-button";

function Expiry({ at }: { at: number | null }) {
  const { t } = useI18n();
  if (at === null) return <span className="text-slate-500">{t.tokens.neverExpires}</span>;
  return (
    <span className={at <= nowSeconds() ? "text-red-700" : undefined}>
      <LocalTime value={at} />
      {at <= nowSeconds() && <span className="ml-1.5 text-xs">({t.tokens.expired})</span>}
    </span>
  );
}

/** The user's tokens: name, the key's first characters, when made, last used and expiring; revoke. */
export function TokenTable({ tokens, onRevoked }: { tokens: TokenRecord[]; onRevoked: (name: string) => void }) {
  const { t } = useI18n();
  const k = t.tokens;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full min-w-[640px] text-left text-sm">
        <caption className="sr-only">{k.table}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {[k.name, k.prefix, k.created, k.lastUsed, k.expires].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              <span className="sr-only">{k.revoke}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-slate-100">
              <th scope="row" className="max-w-64 truncate px-3 py-2 text-left font-medium" title={token.name}>
                {token.name}
              </th>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-[13px] text-slate-700">{token.key_prefix}…</td>
              <td className="whitespace-nowrap px-3 py-2">
                <LocalTime value={token.created_at} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {token.last_used_at === null ? <span className="text-slate-500">{k.neverUsed}</span> : <LocalTime value={token.last_used_at} />}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <Expiry at={token.expires_at} />
              </td>
              <td className="px-3 py-1.5 text-right">
                <RevokeTokenButton token={token} onRevoked={() => onRevoked(token.name)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
