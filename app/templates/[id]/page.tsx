import { notFound } from "next/navigation";
import { TemplateEdit } from "@/components/catalog/templates/template-pages";
import { getContext } from "@/server/context";
import { NotFound } from "@/server/http/errors";
import { getTemplate } from "@/server/templates/get-template";
import { serializeTemplate } from "@/server/templates/serialize-template";

export const dynamic = "force-dynamic";

/** Looked up on the server so that an unknown id is a real 404 page. */
async function load(id: string) {
  if (!/^\d{1,9}$/.test(id)) return null;
  try {
    return serializeTemplate(await getTemplate((await getContext()).db, Number(id)));
  } catch (e) {
    if (e instanceof NotFound) return null;
    throw e;
  }
}

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const template = await load((await params).id);
  if (!template) notFound();
  return <TemplateEdit initial={template} />;
}
