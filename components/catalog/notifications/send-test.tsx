"use client";

import { Button } from "../../ui/button";
import { usePermissions } from "../../auth/use-permissions";
import { useSendTest } from "./notification-queries";
import { useNotificationText } from "./use-notification-text";

/** "发送测试": a sample message sent now; the outcome stays under the button. */
export function SendTest({ id }: { id: number }) {
  const { n } = useNotificationText();
  const { canOperate } = usePermissions();
  const send = useSendTest(id);
  if (!canOperate) return null;
  const result = send.data;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button onClick={() => send.mutate()} disabled={send.isPending} title={n.testHint}>
        {send.isPending ? n.sendingTest : n.sendTest}
      </Button>
      <div role="status" aria-live="polite" className="max-w-md text-right text-sm">
        {result?.status === "ok" && <p className="text-green-800">{n.testOk(result.response_code)}</p>}
        {result?.status === "failed" && (
          <p className="text-red-800">
            {n.testFailed}
            {result.response_code !== null ? `（${result.response_code}）` : ""}：{result.error}
          </p>
        )}
        {send.error && <p className="text-red-800">{send.error.message}</p>}
      </div>
    </div>
  );
}
