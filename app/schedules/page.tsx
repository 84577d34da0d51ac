import { ScheduleList } from "@/components/catalog/schedules/schedule-pages";

export default function SchedulesPage() {
  return <ScheduleList />;
}
