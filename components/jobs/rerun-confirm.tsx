"use client";

import { useState } from "react";
import { parseHosts } from "@/lib/inventory/parse-hosts";
import type { JobRecord } from "@/lib/jobs/job-record";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useCatalogItem } from "../catalog/use-catalog-queries";

type Props = { job: JobRecord; onClose: () => void; onConfirm: (dontAskAgain: boolean) => void };

/** Before a re-run of the whole job: what it will run, on which inventory and hosts. */
export function RerunConfirm({ job, onClose, onConfirm }: Props) {
  const { t } = useI18n();
  const r = t.rerunConfirm;
  const [dontAsk, setDontAsk] = useState(false);
  const hosts = useInventoryHostCount(job);
  const rows: [string, string][] = [
    job.template_name ? [r.template, job.template_name] : job.playbook ? [r.playbook, job.playbook] : [r.module, job.module],
    [r.inventory, job.inventory_name || job.inventory_str],
    [r.limit, job.limit || r.noLimit],
    [r.hosts, hosts === null ? r.hostsUnknown : r.hostCount(hosts)],
  ];
  return (
    <Dialog open onClose={onClose} title={r.title(job.id)}>
      <p className="text-sm text-slate-700">{r.body}</p>
      <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm" data-testid="rerun-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-words font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <label className="mt-4 inline-flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="size-4 accent-blue-700" checked={dontAsk} onChange={(e) => setDontAsk(e.target.checked)} />
        {r.dontAsk}
      </label>
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onClose}>{r.cancel}</Button>
        <Button variant="primary" onClick={() => onConfirm(dontAsk)} autoFocus>
          {r.confirm}
        </Button>
      </div>
    </Dialog>
  );
}

/** The hosts of the job's inventory: the saved inventory's, or those of the text it ran with; null while unknown. */
function useInventoryHostCount(job: JobRecord): number | null {
  const inventory = useCatalogItem("inventory", job.inventory ?? null);
  if (job.inventory != null) return inventory.data ? inventory.data.hosts.length : null;
  const parsed = parseHosts(job.inventory_str);
  return parsed.ok ? parsed.hosts.length : null;
}
