import { CredentialEdit } from "@/components/catalog/credentials/credential-pages";
import { cache } from "react";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { pageTitle } from "@/server/i18n/page-metadata";
import { getCredential } from "@/server/credentials/get-credential";
import { serializeCredential } from "@/server/credentials/serialize-credential";

export const dynamic = "force-dynamic";

// read once for the title and the page
const load = cache((id: string) => loadPageRecord(`/credentials/${id}`, id, async (db, n) => serializeCredential(await getCredential(db, n))));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { name } = await load((await params).id);
  return pageTitle(({ c }) => `${name} · ${c.credentials.title}`);
}

/** Loaded on the server (logged in, unknown id → 404 page); secrets stay masked (the serializer's `$encrypted$`). */
export default async function CredentialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const credential = await load(id);
  return <CredentialEdit initial={credential} />;
}
