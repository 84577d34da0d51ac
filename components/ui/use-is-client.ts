"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
/** False while rendering on the server and hydrating: the server does not know the viewer's time zone. */
export const useIsClient = () =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
