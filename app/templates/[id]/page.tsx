import { TemplateEdit } from "@/components/catalog/templates/template-pages";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { getTemplate } from "@/server/templates/get-template";
import { serializeTemplate } from "@/server/templates/serialize-template";

export const dynamic = "force-dynamic";

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const template = await loadPageRecord(`/templates/${id}`, id, async (db, n) => serializeTemplate(await getTemplate(db, n)));
  return <TemplateEdit initial={template} />;
}
