import { notFound } from "next/navigation";
import { CredentialEdit } from "@/components/catalog/credentials/credential-pages";
import { getContext } from "@/server/context";
import { getCredential } from "@/server/credentials/get-credential";
import { serializeCredential } from "@/server/credentials/serialize-credential";
import { NotFound } from "@/server/http/errors";

export const dynamic = "force-dynamic";

/** Looked up on the server so that an unknown id is a real 404 page; secrets stay masked. */
async function load(id: string) {
  if (!/^\d{1,9}$/.test(id)) return null;
  try {
    return serializeCredential(await getCredential((await getContext()).db, Number(id)));
  } catch (e) {
    if (e instanceof NotFound) return null;
    throw e;
  }
}

export default async function CredentialPage({ params }: { params: Promise<{ id: string }> }) {
  const credential = await load((await params).id);
  if (!credential) notFound();
  return <CredentialEdit initial={credential} />;
}
