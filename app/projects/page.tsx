import { ProjectList } from "@/components/catalog/projects/project-pages";

export default function ProjectsPage() {
  return <ProjectList />;
}
