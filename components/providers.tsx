"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useEffect, useState, type ReactNode } from "react";
import type { Lang } from "@/lib/i18n";
import type { MeRecord } from "@/lib/auth/user-records";
import { HttpError, isUnauthenticated } from "@/lib/api/http";
import { goToLogin } from "./auth/go-to-login";
import { ME_KEY } from "./auth/use-permissions";
import { I18nProvider } from "./i18n/i18n-provider";

const onError = (error: unknown) => {
  if (isUnauthenticated(error)) goToLogin();
};

/** Client-side context of every page: server data cache (seeded with the signed-in user), URL state, language. */
export function Providers({ lang, me, children }: { lang: Lang; me: MeRecord | null; children: ReactNode }) {
  const [client] = useState(() => {
    const c = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          staleTime: 5_000,
          refetchOnWindowFocus: true,
          // a 4xx will not get better by asking again
          retry: (count, error) => !(error instanceof HttpError && error.status < 500) && count < 2,
        },
      },
    });
    if (me) c.setQueryData(ME_KEY, me);
    return c;
  });
  // rows come with the HTML now: this says the page also answers input (the e2e tests wait for it)
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <QueryClientProvider client={client}>
      <NuqsAdapter>
        <I18nProvider lang={lang}>{children}</I18nProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
