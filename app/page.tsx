import { Dashboard } from "@/components/dashboard/dashboard";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ t }) => t.dashboard.title, { root: true });

export default function HomePage() {
  return <Dashboard />;
}
