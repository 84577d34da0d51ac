"use client";

import { useState } from "react";
import type { TokenRecord } from "@/lib/auth/user-records";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useRevokeToken } from "./use-token-queries";

/** Revokes a token after a confirmation that names it and says what stops working. */
export function RevokeTokenButton({ token, onRevoked }: { token: TokenRecord; onRevoked: () => void }) {
  const { t } = useI18n();
  const k = t.tokens;
  const [open, setOpen] = useState(false);
  const revoke = useRevokeToken();
  const close = () => {
    setOpen(false);
    revoke.reset();
  };
  return (
    <>
      <Button variant="ghost" className="h-8 px-2 text-red-700 hover:bg-red-50" aria-label={k.revokeOf(token.name)} onClick={() => setOpen(true)}>
        {k.revoke}
      </Button>
      <Dialog open={open} onClose={close} title={k.revokeTitle}>
        <p className="text-sm text-slate-700">{k.revokeBody(token.name)}</p>
        {revoke.isError && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-800">
            {revoke.error.message}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={close} autoFocus>
            {t.cancel}
          </Button>
          <Button variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id, { onSuccess: () => (setOpen(false), onRevoked()) })}>
            {revoke.isPending ? k.revoking : k.revoke}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
