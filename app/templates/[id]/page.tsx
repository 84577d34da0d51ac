import { notFound } from "next/navigation";
import { TemplateEdit } from "@/components/catalog/templates/template-pages";
import { requirePageUser } from "@/server/auth/page-user";
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
  const { id } = await params;
  // the cookie proxy.ts let through must be a live session: this page reads the database itself
  await requirePageUser(`/templates/${id}`);
  const template = await load(id);
  if (!template) notFound();
  return <TemplateEdit initial={template} />;
}
