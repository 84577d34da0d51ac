"use client";

import type { ReactNode } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import { useMe } from "./use-permissions";

/** Renders its children only for a user of at least this role: the UI offers nothing that would 403. */
export function ForRole({ role, children, fallback = null }: { role: Role; children: ReactNode; fallback?: ReactNode }) {
  const me = useMe().data;
  return <>{hasRole(me?.role, role) ? children : fallback}</>;
}
