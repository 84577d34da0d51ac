"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateMySettings } from "@/lib/auth/auth-api";
import { ME_KEY } from "../auth/use-permissions";

/** Saves the user's time zone or display; every time on the page follows at once. */
export function useSaveTimeSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateMySettings,
    onSuccess: (me) => client.setQueryData(ME_KEY, me),
  });
}
