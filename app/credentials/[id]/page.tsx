import { CredentialEdit } from "@/components/catalog/credentials/credential-pages";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { getCredential } from "@/server/credentials/get-credential";
import { serializeCredential } from "@/server/credentials/serialize-credential";

export const dynamic = "force-dynamic";

/** Loaded on the server (logged in, unknown id → 404 page); secrets stay masked (the serializer's `$encrypted$`). */
export default async function CredentialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const credential = await loadPageRecord(`/credentials/${id}`, id, async (db, n) => serializeCredential(await getCredential(db, n)));
  return <CredentialEdit initial={credential} />;
}
