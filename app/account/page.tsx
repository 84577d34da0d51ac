import { AccountPage } from "@/components/account/account-page";
import { requirePageUser } from "@/server/auth/page-user";
import { pageTitle } from "@/server/i18n/page-metadata";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageTitle(({ t }) => t.account.title);

export default async function AccountRoute() {
  await requirePageUser("/account");
  return <AccountPage />;
}
