import { NoPermission } from "@/components/auth/no-permission";
import { UsersPage } from "@/components/users/users-page";
import { requirePageUser } from "@/server/auth/page-user";

export const dynamic = "force-dynamic";

export default async function UsersRoute() {
  const user = await requirePageUser("/users");
  if (user.role !== "admin") return <NoPermission page />;
  return <UsersPage />;
}
