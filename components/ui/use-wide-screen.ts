"use client";

import { useSyncExternalStore } from "react";

/** Tailwind's `md` breakpoint: a table above it, cards below */
const WIDE = "(min-width: 768px)";

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * Whether the viewport is at least `md` wide. While rendering on the server and hydrating
 * it is the server's guess from the request (`wideGuess`, lib/layout/phone-agent.ts), so
 * the HTML carries one layout, not both; right after, the browser's own width.
 */
export const useWideScreen = (wideGuess: boolean) =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => wideGuess,
  );
