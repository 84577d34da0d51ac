export const dynamic = "force-dynamic";

const LINKS = [
  ["/api/job/job/", "作业任务 jobs"],
  ["/api/job/template/", "模板 templates"],
  ["/api/job/project/", "项目 projects"],
  ["/api/job/inventory/", "主机清单 inventories"],
  ["/api/job/credential/", "凭据 credentials"],
  ["/api/job/schedule/", "计划任务 schedules"],
] as const;

export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">作业任务</h1>
      <p className="mt-2 text-slate-600">Ansible 作业历史与重新执行。HTTP API：</p>
      <ul className="mt-4 space-y-1">
        {LINKS.map(([href, label]) => (
          <li key={href}>
            <a className="text-blue-700 underline" href={href}>
              {href}
            </a>{" "}
            — {label}
          </li>
        ))}
      </ul>
    </main>
  );
}
