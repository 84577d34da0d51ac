import { NewCredential } from "@/components/catalog/credentials/credential-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.credentials.new);
export default function NewCredentialPage() {
  return <NewCredential />;
}
