"use client";

import { useEffect, useState } from "react";

/** The current Unix time in seconds, ticking every second while `enabled`. */
export function useNow(enabled: boolean): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    if (!enabled) return;
    const tick = () => setNow(Math.floor(Date.now() / 1000));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [enabled]);
  return now;
}
