"use client";

import { useState } from "react";
import type { TokenRecord } from "@/lib/auth/user-records";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
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
      <ConfirmDialog
        open={open}
        onClose={close}
        title={k.revokeTitle}
        error={revoke.isError ? revoke.error.message : null}
        pending={revoke.isPending}
        confirmLabel={k.revoke}
        pendingLabel={k.revoking}
        cancelLabel={t.cancel}
        onConfirm={() => revoke.mutate(token.id, { onSuccess: () => (setOpen(false), onRevoked()) })}
      >
        {k.revokeBody(token.name)}
      </ConfirmDialog>
    </>
  );
}
