import { AccountPage } from "@/components/account/account-page";
import { requirePageUser } from "@/server/auth/page-user";

export const dynamic = "force-dynamic";

export default async function AccountRoute() {
  await requirePageUser("/account");
  return <AccountPage />;
}
