"use client";

import { parseAsString, useQueryState } from "nuqs";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { JobRecord } from "@/lib/jobs/job-record";
import type { SectionBanner } from "@/lib/jobs/output-sections";
import { FailureSummary } from "./output/failure-summary";
import { HostSummaryPanel } from "./output/host-summary";
import { OutputViewer, type LineTarget } from "./output/output-viewer";
import { useFailureLines } from "./output/use-failure-lines";
import { setLineAnchor, useLineAnchor } from "./output/use-line-anchor";

const NO_BANNERS: readonly SectionBanner[] = [];

/**
 * The failures first (a job that did not succeed), then the output viewer with the host
 * recap beside it on wide screens. Picking a host (`?host=`) shows only its lines; a line
 * picked anywhere (a failure, a search hit, `#L29` in the address) is shown in the whole output.
 */
export function JobOutput({ job }: { job: JobRecord }) {
  const [host, setHost] = useQueryState("host", parseAsString.withOptions({ history: "replace", scroll: false }));
  const failures = useFailureLines(job.id, job.state);
  const failureLines = useMemo(() => failures.data?.failures.map((f) => f.line) ?? [], [failures.data]);
  const banners = failures.data?.sections ?? NO_BANNERS;
  const [target, setTarget] = useState<LineTarget | null>(null);
  const anchor = useLineAnchor();
  const [seenAnchor, setSeenAnchor] = useState<number | null>(null);
  // an address that points at a line (opened so, or changed by hand): show that line
  if (anchor !== seenAnchor) {
    setSeenAnchor(anchor);
    if (anchor !== null && anchor !== target?.line) setTarget({ line: anchor, scroll: true, seq: (target?.seq ?? 0) + 1 });
  }
  // a line is shown in the whole output, not in one host's lines
  const clearsHost = target?.scroll ? target.seq : 0;
  useEffect(() => {
    if (clearsHost) void setHost(null);
  }, [clearsHost, setHost]);

  const showLine = useCallback((line: number, scroll: boolean) => {
    setTarget((t) => ({ line, scroll, seq: (t?.seq ?? 0) + 1 }));
    setLineAnchor(line);
  }, []);
  const pickHost = (h: string | null) => {
    void setHost(h);
    if (h) document.getElementById("job-output")?.scrollIntoView({ block: "start", behavior: "smooth" });
  };
  return (
    <>
      <FailureSummary jobId={job.id} state={job.state} map={failures.data} onLine={(line) => showLine(line, true)} />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_26rem] xl:items-start">
        <OutputViewer job={job} host={host} onHost={(h) => void setHost(h)} target={target} onLine={showLine} failureLines={failureLines} banners={banners} />
        <HostSummaryPanel jobId={job.id} state={job.state} host={host} onHost={pickHost} />
      </div>
    </>
  );
}
