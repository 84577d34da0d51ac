import { HostList } from "@/components/hosts/host-list";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ t }) => t.hosts.title);

export default function HostsPage() {
  return <HostList />;
}
