import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { SandboxBanner } from "@/components/layout/sandbox-banner";
import { Providers } from "@/components/providers";
import type { Metadata } from "next";
import { dictionaries, htmlLang } from "@/lib/i18n";
import { titleTemplate } from "@/lib/i18n/page-title";
import { readPageLang } from "@/server/i18n/page-metadata";
import { readPageMe } from "@/server/auth/page-user";
import { getContext } from "@/server/context";
import { readSandboxWarning } from "@/core/sandbox/sandbox-warning";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = dictionaries[await readPageLang()];
  return { title: { default: t.app.title, template: titleTemplate(t) }, description: t.app.description };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = await readPageLang();
  // the signed-in user, so the first render shows only what their role may do
  const me = await readPageMe();
  const ctx = me ? await getContext() : undefined;
  const sandboxWarning = ctx ? await readSandboxWarning(ctx.db, ctx.config) : null;
  return (
    <html lang={htmlLang(lang)}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers lang={lang} me={me}>
          <AppHeader />
          <SandboxBanner warning={sandboxWarning} />
          <main id="main" className="mx-auto max-w-[1600px] px-3 py-4 sm:px-4 sm:py-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
