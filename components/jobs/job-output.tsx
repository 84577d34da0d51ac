"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import type { JobRecord } from "@/lib/jobs/job-record";
import { HostSummaryPanel } from "./output/host-summary";
import { OutputViewer } from "./output/output-viewer";

/** The output viewer and the host recap under it; picking a host (or `?host=` in the address) shows only its lines. */
export function JobOutput({ job }: { job: JobRecord }) {
  const [host, setHost] = useState<string | null>(useSearchParams().get("host") || null);
  const pickHost = (h: string | null) => {
    setHost(h);
    if (h) document.getElementById("job-output")?.scrollIntoView({ block: "start", behavior: "smooth" });
  };
  return (
    <>
      <OutputViewer job={job} host={host} onHost={setHost} />
      <HostSummaryPanel jobId={job.id} state={job.state} host={host} onHost={pickHost} />
    </>
  );
}
