import { HostTimeline } from "@/components/hosts/host-timeline";
import { pageTitle } from "@/server/i18n/page-metadata";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeURIComponent((await params).name);
  return pageTitle(({ t }) => `${name} · ${t.hosts.title}`);
}

export default async function HostPage({ params }: { params: Promise<{ name: string }> }) {
  return <HostTimeline name={decodeURIComponent((await params).name)} />;
}
