"use client";

import { useState } from "react";
import type { NewTokenRecord } from "@/lib/auth/user-records";
import { Panel } from "../jobs/job-field-list";
import { EmptyState, QueryState } from "../ui/query-state";
import { useI18n } from "../i18n/i18n-provider";
import { NewTokenKey } from "./new-token-key";
import { RevokeAllTokensButton } from "./revoke-all-tokens-button";
import { TokenCreateForm } from "./token-create-form";
import { TokenTable } from "./token-table";
import { useTokens } from "./use-token-queries";

/** The user's API tokens: what they are for, the list with revoke (one or all), a form for a new one and its key shown once. */
export function ApiTokens() {
  const { t } = useI18n();
  const k = t.tokens;
  const tokens = useTokens();
  const [created, setCreated] = useState<NewTokenRecord | null>(null);
  const [notice, setNotice] = useState("");
  const rows = tokens.data?.results ?? [];

  return (
    <Panel title={k.title}>
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{k.intro}</p>
        <p role="status" className="text-sm text-green-800 empty:hidden">
          {notice}
        </p>
        <QueryState query={tokens} errorTitle={k.loadFailed} compact isEmpty={() => rows.length === 0} empty={<EmptyState compact>{k.empty}</EmptyState>}>
          {() => (
            <>
              <TokenTable tokens={rows} onRevoked={(name) => setNotice(k.revoked(name))} />
              <div className="flex justify-end">
                <RevokeAllTokensButton count={rows.length} onRevoked={(n) => setNotice(k.revokedAll(n))} />
              </div>
            </>
          )}
        </QueryState>
        <TokenCreateForm
          onCreated={(token) => {
            setNotice("");
            setCreated(token);
          }}
        />
      </div>
      <NewTokenKey token={created} onClose={() => setCreated(null)} />
    </Panel>
  );
}
