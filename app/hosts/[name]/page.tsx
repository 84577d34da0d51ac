import { HostTimeline } from "@/components/hosts/host-timeline";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: `${decodeURIComponent((await params).name)} · 主机 · 作业任务` };
}

export default async function HostPage({ params }: { params: Promise<{ name: string }> }) {
  return <HostTimeline name={decodeURIComponent((await params).name)} />;
}
