import { NotificationEdit } from "@/components/catalog/notifications/notification-pages";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { getNotification } from "@/server/notifications/get-notification";
import { serializeNotification } from "@/server/notifications/serialize-notification";

export const dynamic = "force-dynamic";

/** Loaded on the server (logged in, unknown id → 404 page); secrets stay masked (the serializer's `$encrypted$`). */
export default async function NotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const notification = await loadPageRecord(`/notifications/${id}`, id, async (db, n) => serializeNotification(await getNotification(db, n)));
  return <NotificationEdit initial={notification} />;
}
