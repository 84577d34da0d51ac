import { redirect } from "next/navigation";
import { LoginPanel } from "@/components/auth/login-panel";
import { safeNextPath } from "@/lib/auth/login-path";
import { readPageUser } from "@/server/auth/page-user";
import { pageTitle } from "@/server/i18n/page-metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageTitle(({ t }) => t.login.title);

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw);
  // already signed in (a valid session, not just a cookie): straight on
  if (await readPageUser()) redirect(next);
  return <LoginPanel next={next} />;
}
