"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { logIn } from "@/lib/auth/auth-api";
import { Button } from "../ui/button";
import { FormField, inputClass } from "../ui/form-field";
import { useI18n } from "../i18n/i18n-provider";
import { loginError } from "./login-error";

/** Username and password; a success loads `next` (a path of this site) afresh, with the new session. */
export function LoginForm({ next }: { next: string }) {
  const { t } = useI18n();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation({ mutationFn: () => logIn(username.trim(), password), onSuccess: () => window.location.assign(next) });
  const error = login.isError ? loginError(login.error, t) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-describedby={error?.message ? "login-error" : undefined}>
      {error?.message && (
        <p id="login-error" role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {error.message}
        </p>
      )}
      <FormField label={t.login.username} errors={error?.fields.username}>
        {(p) => (
          <input
            {...p}
            name="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            className={inputClass}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
          />
        )}
      </FormField>
      <FormField label={t.login.password} errors={error?.fields.password}>
        {(p) => (
          <input
            {...p}
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
            autoComplete="current-password"
            required
          />
        )}
      </FormField>
      {/* a success keeps the button busy: the next page is loading */}
      <Button type="submit" variant="primary" className="w-full" disabled={login.isPending || login.isSuccess}>
        {login.isPending || login.isSuccess ? t.login.submitting : t.login.submit}
      </Button>
    </form>
  );
}
