import { TemplateList } from "@/components/catalog/templates/template-pages";

export default function TemplatesPage() {
  return <TemplateList />;
}
