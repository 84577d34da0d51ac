"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import type { Lang } from "@/lib/i18n";
import { HttpError } from "@/lib/api/http";
import { I18nProvider } from "./i18n/i18n-provider";

/** Client-side context of every page: server data cache, URL state, language. */
export function Providers({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            refetchOnWindowFocus: true,
            // a 4xx will not get better by asking again
            retry: (count, error) => !(error instanceof HttpError && error.status < 500) && count < 2,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <NuqsAdapter>
        <I18nProvider lang={lang}>{children}</I18nProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
