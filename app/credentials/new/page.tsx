import { NewCredential } from "@/components/catalog/credentials/credential-pages";

export default function NewCredentialPage() {
  return <NewCredential />;
}
