"use client";

import { useEffect } from "react";
import { fullTitle, jobTitle } from "@/lib/i18n/page-title";
import { useI18n } from "../i18n/i18n-provider";

/** The title the server gave the page (`作业 #301 · 运行中 — 作业任务`) follows the job's state as it changes. */
export function useJobPageTitle(id: number, state: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = fullTitle(t, jobTitle(t, id, state));
  }, [t, id, state]);
}
