"use client";

import { useMutation } from "@tanstack/react-query";
import { logOut } from "@/lib/auth/auth-api";
import { LOGIN_PATH } from "@/lib/auth/login-path";

/** Ends the session, then a full load of the login page: nothing of the user stays in memory. */
export function useLogOut() {
  return useMutation({
    mutationFn: logOut,
    onSettled: () => window.location.assign(LOGIN_PATH),
  });
}
