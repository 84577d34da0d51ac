"use client";

import { useState } from "react";
import { Button } from "./button";

/** The Clipboard API needs a secure context; over plain http the old copy command still works. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the copy command
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } finally {
    area.remove();
  }
}

/** Copies `text`; says "copied" (or that it could not) beside itself. `compact`: a small quiet button beside a value. */
export function CopyButton({
  text,
  labels,
  compact = false,
  label,
}: {
  text: string;
  labels: { copy: string; copied: string; failed: string };
  compact?: boolean;
  /** its accessible name, when "copy" alone does not say what */
  label?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant={compact ? "secondary" : "primary"}
        className={compact ? "h-7 px-2 text-xs" : ""}
        aria-label={label}
        onClick={() => void copyText(text).then((ok) => setState(ok ? "copied" : "failed"))}
      >
        {state === "copied" ? `✓ ${labels.copied}` : labels.copy}
      </Button>
      <span role="status" className="text-xs text-red-700">
        {state === "failed" ? labels.failed : ""}
      </span>
    </span>
  );
}
