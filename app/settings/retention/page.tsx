import { NoPermission } from "@/components/auth/no-permission";
import { RetentionPage } from "@/components/settings/retention-page";
import { requirePageUser } from "@/server/auth/page-user";
import { pageTitle } from "@/server/i18n/page-metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageTitle(({ t }) => t.retention.title);

export default async function RetentionRoute() {
  const user = await requirePageUser("/settings/retention");
  if (user.role !== "admin") return <NoPermission page />;
  return <RetentionPage />;
}
