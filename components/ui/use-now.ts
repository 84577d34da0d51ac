"use client";

import { useEffect, useState } from "react";
import { nowSeconds } from "@/lib/time";

/** The current Unix time in seconds, ticking every `everyMs` (a second) while `enabled`. */
export function useNow(enabled: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(nowSeconds);
  useEffect(() => {
    if (!enabled) return;
    const tick = () => setNow(nowSeconds());
    tick();
    const timer = setInterval(tick, everyMs);
    return () => clearInterval(timer);
  }, [enabled, everyMs]);
  return now;
}
