"use client";

import { useCallback, useSyncExternalStore } from "react";

const EVENT = "zuoye-stored-flag";
/** choices this page made, for a browser that refuses storage (private mode, quota) */
const memory = new Map<string, boolean>();

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

function read(key: string, fallback: boolean): boolean {
  try {
    const v = window.localStorage.getItem(key);
    if (v !== null) return v === "1";
  } catch {
    // fall through to this page's memory
  }
  return memory.get(key) ?? fallback;
}

/** A yes/no choice this browser remembers (localStorage); `fallback` until one is made, and on the server. */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key, fallback),
    () => fallback,
  );
  const set = useCallback(
    (on: boolean) => {
      memory.set(key, on);
      try {
        window.localStorage.setItem(key, on ? "1" : "0");
      } catch {
        // storage refused: the choice lasts while the page is open
      }
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  return [value, set];
}
