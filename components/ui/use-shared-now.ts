"use client";

import { useSyncExternalStore } from "react";
import { nowSeconds } from "@/lib/time";

// One timer for every relative time on the page (a history page shows a hundred), not one each.
let current = nowSeconds();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

const tick = () => {
  current = nowSeconds();
  for (const listener of listeners) listener();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(tick, 1000);
    if (current !== nowSeconds()) queueMicrotask(tick);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
const still = () => () => {};

/** The current Unix time, ticking each second while `enabled`; 0 on the server. */
export function useSharedNow(enabled: boolean): number {
  return useSyncExternalStore(
    enabled ? subscribe : still,
    () => current,
    () => 0,
  );
}
