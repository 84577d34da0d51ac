import { HostList } from "@/components/hosts/host-list";

export const metadata = { title: "主机 · 作业任务" };

export default function HostsPage() {
  return <HostList />;
}
