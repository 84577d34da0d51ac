"use client";

import { useSyncExternalStore } from "react";
import { lineAnchor, parseLineAnchor } from "@/lib/jobs/line-anchor";

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The output line the address points at (`#L29`); null on the server and without one. */
export function useLineAnchor(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => parseLineAnchor(window.location.hash),
    () => null,
  );
}

/** Puts `#L<line>` in the address without a new history entry, and tells the page. */
export function setLineAnchor(line: number): void {
  if (window.location.hash === lineAnchor(line)) return;
  window.history.replaceState(window.history.state, "", lineAnchor(line));
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}
