import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { loginHref } from "@/lib/auth/login-path";
import { MeRecord } from "@/lib/auth/user-records";
import { getContext } from "../context";
import { getUser } from "../users/get-user";
import { serializeUser } from "../users/user-fields";
import { bySession } from "./authenticate";
import type { CurrentUser } from "./current-user";

/**
 * The user of the page request's session cookie, or undefined. Pages that read the
 * database themselves check this: proxy.ts only sees that some cookie is there.
 */
export const readPageUser = cache(async (): Promise<CurrentUser | undefined> => {
  const cookie = (await headers()).get("cookie");
  if (!cookie) return undefined;
  return bySession(await getContext(), new Request("http://page.invalid/", { headers: { cookie } }));
});

/** The page's user, or a redirect to the login page that comes back to `path`. */
export async function requirePageUser(path: string): Promise<CurrentUser> {
  const user = await readPageUser();
  if (!user) redirect(loginHref(path));
  return user;
}

/** What `GET /api/auth/me/` would answer for the page's user: the layout hands it to the browser. */
export const readPageMe = cache(async (): Promise<MeRecord | null> => {
  const user = await readPageUser();
  if (!user) return null;
  return MeRecord.parse({ ...serializeUser(await getUser((await getContext()).db, user.id)), auth: "session" });
});
