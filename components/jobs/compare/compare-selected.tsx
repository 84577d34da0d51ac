"use client";

import Link from "next/link";
import { comparePagePath } from "@/lib/jobs/compare-api";
import { useI18n } from "../../i18n/i18n-provider";
import { Button, buttonClass } from "../../ui/button";

/** The history's "compare" for a selection: a link when exactly two jobs are selected (the older as A). */
export function CompareSelected({ ids }: { ids: number[] }) {
  const { t } = useI18n();
  if (ids.length === 0) return null;
  if (ids.length !== 2)
    return (
      <Button disabled title={t.compare.compareSelectedHint} aria-description={t.compare.compareSelectedHint}>
        {t.compare.compareSelected}
      </Button>
    );
  const [a, b] = [Math.min(...ids), Math.max(...ids)];
  return (
    <Link href={comparePagePath(a, b)} className={buttonClass("secondary")} title={t.compare.compareSelectedHint}>
      {t.compare.compareSelected}
    </Link>
  );
}
