"use client";

import type { SandboxWarning } from "@/core/sandbox/sandbox-warning";
import { useI18n } from "../i18n/i18n-provider";

/** A warning on every page while jobs run, or would run, without the sandbox. */
export function SandboxBanner({ warning }: { warning: SandboxWarning | null }) {
  const { t } = useI18n();
  if (!warning) return null;
  const lines = [
    warning.off && t.sandbox.off,
    warning.unsandboxed.length > 0 && t.sandbox.unsandboxed(warning.unsandboxed.join(", ")),
    warning.unavailable.length > 0 && t.sandbox.unavailable(warning.unavailable.join(", ")),
  ].filter((l): l is string => Boolean(l));
  return (
    <div role="alert" data-testid="sandbox-warning" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <div className="mx-auto max-w-[1600px] space-y-1">
        {lines.map((line) => (
          <p key={line}>⚠ {line}</p>
        ))}
      </div>
    </div>
  );
}
