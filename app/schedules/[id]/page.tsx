import { ScheduleEdit } from "@/components/catalog/schedules/schedule-pages";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { getSchedule } from "@/server/schedules/get-schedule";
import { serializeSchedule } from "@/server/schedules/serialize-schedule";

export const dynamic = "force-dynamic";

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const schedule = await loadPageRecord(`/schedules/${id}`, id, async (db, n) => serializeSchedule(await getSchedule(db, n)));
  return <ScheduleEdit initial={schedule} />;
}
