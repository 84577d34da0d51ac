import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "作业任务", description: "Ansible 作业历史与重新执行" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
