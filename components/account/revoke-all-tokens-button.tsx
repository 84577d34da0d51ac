"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useRevokeAllTokens } from "./use-token-queries";

/** Revokes all of the user's tokens at once (a key may have leaked), after a confirmation that says how many. */
export function RevokeAllTokensButton({ count, onRevoked }: { count: number; onRevoked: (count: number) => void }) {
  const { t } = useI18n();
  const k = t.tokens;
  const [open, setOpen] = useState(false);
  const revoke = useRevokeAllTokens();
  const close = () => {
    setOpen(false);
    revoke.reset();
  };
  return (
    <>
      <Button variant="ghost" className="h-8 px-2 text-red-700 hover:bg-red-50" onClick={() => setOpen(true)}>
        {k.revokeAll}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={close}
        title={k.revokeAll}
        error={revoke.isError ? revoke.error.message : null}
        pending={revoke.isPending}
        confirmLabel={k.revokeAll}
        pendingLabel={k.revoking}
        cancelLabel={t.cancel}
        onConfirm={() => revoke.mutate(undefined, { onSuccess: () => (setOpen(false), onRevoked(count)) })}
      >
        {k.revokeAllBody(count)}
      </ConfirmDialog>
    </>
  );
}
