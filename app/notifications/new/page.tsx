import { NewNotification } from "@/components/catalog/notifications/notification-pages";

export default function NewNotificationPage() {
  return <NewNotification />;
}
