"use client";

import { useI18n } from "../i18n/i18n-provider";
import { LoginForm } from "./login-form";

/** The login page's card: what this is, the form, whom to ask for an account. */
export function LoginPanel({ next }: { next: string }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto mt-8 w-full max-w-sm sm:mt-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t.login.title}</h1>
        <p className="mb-5 mt-1 text-sm text-slate-600">{t.login.intro}</p>
        <LoginForm next={next} />
      </div>
      <p className="mt-4 text-center text-xs text-slate-500">{t.login.noAccount}</p>
    </div>
  );
}
