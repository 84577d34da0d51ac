import { TemplateList } from "@/components/catalog/templates/template-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.templates.title);
export default function TemplatesPage() {
  return <TemplateList />;
}
