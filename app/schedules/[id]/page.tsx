import { ScheduleEdit } from "@/components/catalog/schedules/schedule-pages";
import { cache } from "react";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { pageTitle } from "@/server/i18n/page-metadata";
import { getSchedule } from "@/server/schedules/get-schedule";
import { serializeSchedule } from "@/server/schedules/serialize-schedule";

export const dynamic = "force-dynamic";

// read once for the title and the page
const load = cache((id: string) => loadPageRecord(`/schedules/${id}`, id, async (db, n) => serializeSchedule(await getSchedule(db, n))));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { name } = await load((await params).id);
  return pageTitle(({ c }) => `${name} · ${c.schedules.title}`);
}

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const schedule = await load(id);
  return <ScheduleEdit initial={schedule} />;
}
