"use client";

import { useRouter } from "next/navigation";
import type { NotificationRecord } from "@/lib/catalog/catalog-records";
import { ForRole } from "../../auth/for-role";
import { NoPermission } from "../../auth/no-permission";
import { PageHeader } from "../form/page-header";
import { DeleteButton } from "../list/delete-button";
import { ResourceList } from "../list/resource-list";
import { useCatalogItem } from "../use-catalog-queries";
import { DeliveryLog } from "./delivery-log";
import { NotificationForm } from "./notification-form";
import { SendTest } from "./send-test";
import { useNotificationText } from "./use-notification-text";

/** Where a notification goes, as the list shows it: the URL's host, or the recipients. */
function targetOf(r: NotificationRecord): string {
  if (r.kind === "email") return r.smtp_to.join(", ");
  try {
    return new URL(r.url).host;
  } catch {
    return r.url;
  }
}

export function NotificationList() {
  const { n } = useNotificationText();
  return (
    <ResourceList
      kind="notification"
      basePath="/notifications"
      title={n.title}
      newLabel={n.new}
      tableLabel={n.table}
      columns={[
        { key: "kind", header: n.kind, cell: (r) => n.kinds[r.kind] },
        { key: "target", header: n.target, className: "hidden md:table-cell break-all", cell: (r) => targetOf(r) },
        { key: "events", header: n.events, className: "hidden sm:table-cell", cell: (r) => r.events.map((e) => n.eventNames[e]).join("、") },
        {
          key: "enabled",
          header: n.enabled,
          cell: (r) => <span className={r.enabled ? "text-green-800" : "text-slate-500"}>{r.enabled ? n.on : n.off}</span>,
        },
      ]}
    />
  );
}

export function NewNotification() {
  const { n } = useNotificationText();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={n.new} backHref="/notifications" />
      <ForRole role="operator" fallback={<NoPermission />}>
        <NotificationForm />
      </ForRole>
    </div>
  );
}

export function NotificationEdit({ initial }: { initial: NotificationRecord }) {
  const { n } = useNotificationText();
  const router = useRouter();
  const notification = useCatalogItem("notification", initial.id, initial).data ?? initial;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader
        title={n.editTitle(notification.name)}
        backHref="/notifications"
        actions={
          <>
            <SendTest id={notification.id} />
            <DeleteButton kind="notification" id={notification.id} name={notification.name} onDeleted={() => router.push("/notifications")} />
          </>
        }
      />
      <NotificationForm notification={notification} />
      <DeliveryLog id={notification.id} />
    </div>
  );
}
