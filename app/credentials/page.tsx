import { CredentialList } from "@/components/catalog/credentials/credential-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.credentials.title);
export default function CredentialsPage() {
  return <CredentialList />;
}
