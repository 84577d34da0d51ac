import { ScheduleList } from "@/components/catalog/schedules/schedule-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.schedules.title);
export default function SchedulesPage() {
  return <ScheduleList />;
}
