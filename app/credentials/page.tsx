import { CredentialList } from "@/components/catalog/credentials/credential-pages";

export default function CredentialsPage() {
  return <CredentialList />;
}
