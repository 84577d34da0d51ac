"use client";

import { useState } from "react";
import type { NewTokenRecord } from "@/lib/auth/user-records";
import { Panel } from "../jobs/job-field-list";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
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
        {tokens.isError && !tokens.data ? (
          <ErrorState title={k.loadFailed} error={tokens.error} onRetry={() => void tokens.refetch()} retrying={tokens.isFetching} />
        ) : !tokens.data ? (
          <p className="flex items-center gap-2 text-sm text-slate-500">
            <Spinner /> {t.loading}
          </p>
        ) : rows.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">{k.empty}</p>
        ) : (
          <>
            <TokenTable tokens={rows} onRevoked={(name) => setNotice(k.revoked(name))} />
            <div className="flex justify-end">
              <RevokeAllTokensButton count={rows.length} onRevoked={(n) => setNotice(k.revokedAll(n))} />
            </div>
          </>
        )}
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
