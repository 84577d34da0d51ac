import { NewProject } from "@/components/catalog/projects/project-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.projects.new);
export default function NewProjectPage() {
  return <NewProject />;
}
