import { NotificationList } from "@/components/catalog/notifications/notification-pages";

export default function NotificationsPage() {
  return <NotificationList />;
}
