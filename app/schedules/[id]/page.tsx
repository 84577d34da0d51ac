import { notFound } from "next/navigation";
import { ScheduleEdit } from "@/components/catalog/schedules/schedule-pages";
import { requirePageUser } from "@/server/auth/page-user";
import { getContext } from "@/server/context";
import { NotFound } from "@/server/http/errors";
import { getSchedule } from "@/server/schedules/get-schedule";
import { serializeSchedule } from "@/server/schedules/serialize-schedule";

export const dynamic = "force-dynamic";

/** Looked up on the server so that an unknown id is a real 404 page. */
async function load(id: string) {
  if (!/^\d{1,9}$/.test(id)) return null;
  try {
    return serializeSchedule(await getSchedule((await getContext()).db, Number(id)));
  } catch (e) {
    if (e instanceof NotFound) return null;
    throw e;
  }
}

export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // the cookie proxy.ts let through must be a live session: this page reads the database itself
  await requirePageUser(`/schedules/${id}`);
  const schedule = await load(id);
  if (!schedule) notFound();
  return <ScheduleEdit initial={schedule} />;
}
