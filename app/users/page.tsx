import { NoPermission } from "@/components/auth/no-permission";
import { UsersPage } from "@/components/users/users-page";
import { requirePageUser } from "@/server/auth/page-user";
import { pageTitle } from "@/server/i18n/page-metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageTitle(({ t }) => t.users.title);

export default async function UsersRoute() {
  const user = await requirePageUser("/users");
  if (user.role !== "admin") return <NoPermission page />;
  return <UsersPage />;
}
