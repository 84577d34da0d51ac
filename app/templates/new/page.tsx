import { NewTemplate } from "@/components/catalog/templates/template-pages";

export default function NewTemplatePage() {
  return <NewTemplate />;
}
