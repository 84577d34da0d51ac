import { NewTemplate } from "@/components/catalog/templates/template-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.templates.new);
export default function NewTemplatePage() {
  return <NewTemplate />;
}
