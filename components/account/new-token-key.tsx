"use client";

import type { NewTokenRecord } from "@/lib/auth/user-records";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { Dialog } from "../ui/dialog";
import { useI18n } from "../i18n/i18n-provider";

/** The one time a token's key is shown: copy it, with a warning that it will not be shown again. */
export function NewTokenKey({ token, onClose }: { token: NewTokenRecord | null; onClose: () => void }) {
  const { t } = useI18n();
  const k = t.tokens;
  return (
    <Dialog open={token !== null} onClose={onClose} title={token ? k.createdTitle(token.name) : ""}>
      {token && (
        <div className="space-y-4">
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            ⚠ {k.onceWarning}
          </p>
          <div>
            <label htmlFor="new-token-key" className="mb-1 block text-xs font-medium text-slate-600">
              {k.key}
            </label>
            <input
              id="new-token-key"
              readOnly
              value={token.key}
              onFocus={(e) => e.target.select()}
              className="h-9 w-full rounded-md border border-slate-300 bg-slate-50 px-2.5 font-mono text-sm"
              data-testid="new-token-key"
            />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CopyButton text={token.key} labels={{ copy: k.copy, copied: k.copied, failed: k.copyFailed }} />
            <Button onClick={onClose}>{k.done}</Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
