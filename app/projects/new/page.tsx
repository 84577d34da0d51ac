import { NewProject } from "@/components/catalog/projects/project-pages";

export default function NewProjectPage() {
  return <NewProject />;
}
