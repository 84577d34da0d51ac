"use client";

import { useEffect, useState } from "react";
import { nowSeconds } from "@/lib/time";

/** The current Unix time in seconds, ticking every second while `enabled`. */
export function useNow(enabled: boolean): number {
  const [now, setNow] = useState(nowSeconds);
  useEffect(() => {
    if (!enabled) return;
    const tick = () => setNow(nowSeconds());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [enabled]);
  return now;
}
