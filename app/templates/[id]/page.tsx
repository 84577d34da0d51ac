import { TemplateEdit } from "@/components/catalog/templates/template-pages";
import { cache } from "react";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { pageTitle } from "@/server/i18n/page-metadata";
import { getTemplate } from "@/server/templates/get-template";
import { serializeTemplate } from "@/server/templates/serialize-template";

export const dynamic = "force-dynamic";

// read once for the title and the page
const load = cache((id: string) => loadPageRecord(`/templates/${id}`, id, async (db, n) => serializeTemplate(await getTemplate(db, n))));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { name } = await load((await params).id);
  return pageTitle(({ c }) => `${name} · ${c.templates.title}`);
}

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const template = await load(id);
  return <TemplateEdit initial={template} />;
}
