"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchDeliveries, sendTestNotification } from "@/lib/catalog/catalog-api";

export const deliveryKeys = { of: (id: number) => ["notification-deliveries", id] as const };

/** A notification's delivery log; asked again every 10 s while its page is open (retries land there). */
export function useDeliveries(id: number, query: URLSearchParams) {
  return useQuery({
    queryKey: [...deliveryKeys.of(id), query.toString()],
    queryFn: ({ signal }) => fetchDeliveries(id, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

/** The test action: its answer is the attempt, which the log then shows too. */
export function useSendTest(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendTestNotification(id),
    onSettled: () => client.invalidateQueries({ queryKey: deliveryKeys.of(id) }),
  });
}
