import { notFound } from "next/navigation";
import { CredentialEdit } from "@/components/catalog/credentials/credential-pages";
import { requirePageUser } from "@/server/auth/page-user";
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
  const { id } = await params;
  // the cookie proxy.ts let through must be a live session: this page reads the database itself
  await requirePageUser(`/credentials/${id}`);
  const credential = await load(id);
  if (!credential) notFound();
  return <CredentialEdit initial={credential} />;
}
