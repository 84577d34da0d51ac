"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createToken, fetchTokens, revokeAllTokens, revokeToken } from "@/lib/auth/token-api";

const TOKENS_KEY = ["auth", "tokens"] as const;

export const useTokens = () => useQuery({ queryKey: TOKENS_KEY, queryFn: ({ signal }) => fetchTokens(signal) });

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, expiresInDays }: { name: string; expiresInDays: number | string | null }) => createToken(name, expiresInDays),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({ mutationFn: revokeToken, onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }) });
}

export function useRevokeAllTokens() {
  const client = useQueryClient();
  return useMutation({ mutationFn: revokeAllTokens, onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }) });
}
