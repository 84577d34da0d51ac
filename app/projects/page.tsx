import { ProjectList } from "@/components/catalog/projects/project-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.projects.title);
export default function ProjectsPage() {
  return <ProjectList />;
}
