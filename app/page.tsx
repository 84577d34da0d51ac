import { Dashboard } from "@/components/dashboard/dashboard";

export const metadata = { title: "概览 · 作业任务" };

export default function HomePage() {
  return <Dashboard />;
}
