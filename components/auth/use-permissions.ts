"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { fetchMe } from "@/lib/auth/auth-api";
import { LOGIN_PATH } from "@/lib/auth/login-path";
import { hasRole } from "@/lib/auth/roles";

export const ME_KEY = ["auth", "me"] as const;

/**
 * The signed-in user, asked once (`GET /api/auth/me/`). The layout hands the server's
 * answer to the query cache, so pages render with the right buttons from the start.
 */
export function useMe() {
  const isLoginPage = usePathname() === LOGIN_PATH;
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: Infinity, enabled: !isLoginPage });
}

/** What the user's role may do; nothing until the user is known. */
export function usePermissions() {
  const me = useMe().data;
  return { me, canOperate: hasRole(me?.role, "operator"), canAdminister: hasRole(me?.role, "admin") };
}
