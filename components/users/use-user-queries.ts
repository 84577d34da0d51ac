"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createUser, fetchUsers, updateUser, type NewUserInput, type UserChange } from "@/lib/auth/user-api";
import { ME_KEY } from "../auth/use-permissions";

const USERS_KEY = ["auth", "users"] as const;

export const useUsers = (query: URLSearchParams) =>
  useQuery({ queryKey: [...USERS_KEY, query.toString()], queryFn: ({ signal }) => fetchUsers(query, signal), placeholderData: keepPreviousData });

/** A change to a user may be a change to the signed-in user (display name in the header). */
function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: USERS_KEY }), client.invalidateQueries({ queryKey: ME_KEY })]);
}

export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: NewUserInput) => createUser(body), onSuccess: refresh });
}

export function useUpdateUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: number; body: UserChange }) => updateUser(id, body), onSuccess: refresh });
}
