"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RetentionSettingsRecord } from "@/lib/contracts/retention";
import { HttpError } from "@/lib/api/http";
import { dryRunRetention, fetchRetention, runRetention, updateRetention, type RetentionChange } from "@/lib/settings/retention-api";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorState } from "../ui/error-state";
import { FormField, NumberInput, inputClass } from "../ui/form-field";
import { LocalTime } from "../ui/local-time";
import { Spinner } from "../ui/spinner";
import { useI18n } from "../i18n/i18n-provider";

const KEY = ["settings", "retention"] as const;

type Draft = { enabled: boolean; job_days: string; keep_per_template: string; output_days: string; run_at: string };

const draftOf = (s: RetentionSettingsRecord): Draft => ({
  enabled: s.enabled,
  job_days: s.job_days === null ? "" : String(s.job_days),
  keep_per_template: String(s.keep_per_template),
  output_days: s.output_days === null ? "" : String(s.output_days),
  run_at: s.run_at,
});

/** Empty days are "keep forever" (null); other text goes to the server as typed, which says what is wrong. */
const changeOf = (d: Draft): RetentionChange => ({
  enabled: d.enabled,
  job_days: d.job_days.trim() === "" ? null : d.job_days.trim(),
  keep_per_template: d.keep_per_template.trim() === "" ? 0 : d.keep_per_template.trim(),
  output_days: d.output_days.trim() === "" ? null : d.output_days.trim(),
  run_at: d.run_at,
});

/** The admin's retention settings: the policy, the last run's result, a dry run and a run now. */
export function RetentionPage() {
  const { t } = useI18n();
  const r = t.retention;
  const client = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: ({ signal }) => fetchRetention(signal) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState("");
  const shown = draft ?? (settings.data ? draftOf(settings.data) : null);
  const dirty = draft !== null && settings.data !== undefined && JSON.stringify(draft) !== JSON.stringify(draftOf(settings.data));
  const refresh = () => client.invalidateQueries({ queryKey: KEY });

  const save = useMutation({
    mutationFn: () => updateRetention(changeOf(shown!)),
    onSuccess: (saved) => {
      client.setQueryData(KEY, saved);
      setDraft(null);
      setNotice(r.saved);
    },
  });
  const dry = useMutation({ mutationFn: dryRunRetention, onSuccess: (c) => setNotice(r.dryRunResult(c.jobs, c.output_jobs, c.output_lines)) });
  const [confirming, setConfirming] = useState<{ jobs: number; output_jobs: number; output_lines: number } | null>(null);
  const count = useMutation({ mutationFn: dryRunRetention, onSuccess: setConfirming });
  const run = useMutation({
    mutationFn: runRetention,
    onSuccess: (c) => {
      setConfirming(null);
      setNotice(r.runDone(c.jobs, c.output_jobs, c.output_lines));
    },
    onSettled: refresh,
  });

  if (settings.isError) return <ErrorState title={r.loadFailed} error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!shown || !settings.data) return <Spinner label={t.updating} />;
  const errors = save.error instanceof HttpError ? (save.error.fieldErrors ?? {}) : {};
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...shown, ...patch });
    setNotice("");
  };
  const actionError = [dry, count, run].find((m) => m.isError)?.error;
  const s = settings.data;
  const last = s.last_run;

  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold">{r.title}</h1>
      <p className="text-sm text-slate-600">{r.intro}</p>
      <form
        noValidate
        className="space-y-4 rounded-md border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <div>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={shown.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            {r.enabled}
          </label>
          <p className="mt-1 text-xs text-slate-600">{r.enabledHint}</p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField label={r.jobDays} hint={r.jobDaysHint} value={shown.job_days} errors={errors.job_days} onChange={(v) => set({ job_days: v })} />
          <NumberField
            label={r.keepPerTemplate}
            hint={r.keepPerTemplateHint}
            value={shown.keep_per_template}
            errors={errors.keep_per_template}
            onChange={(v) => set({ keep_per_template: v })}
          />
          <NumberField
            label={r.outputDays}
            hint={r.outputDaysHint}
            value={shown.output_days}
            errors={errors.output_days}
            onChange={(v) => set({ output_days: v })}
          />
          <FormField label={r.runAt} errors={errors.run_at}>
            {(p) => <input {...p} type="time" value={shown.run_at} onChange={(e) => set({ run_at: e.target.value })} className={inputClass} />}
          </FormField>
        </div>
        {save.isError && !save.error.message.startsWith("HTTP") && (
          <p role="alert" className="text-sm text-red-800">
            {save.error.message}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? r.saving : r.save}
        </Button>
      </form>

      <section aria-labelledby="retention-status" className="space-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <h2 id="retention-status" className="font-medium">
          {r.lastRun}
        </h2>
        {last ? (
          <p data-testid="retention-last-run">
            <LocalTime value={last.finished_at} />（{r.trigger[last.trigger]}）：{r.lastRunSummary(last.jobs, last.output_jobs, last.output_lines)}
            {last.errors.length > 0 && <span className="block text-red-800">{`${r.errors}: ${last.errors.join("; ")}`}</span>}
          </p>
        ) : (
          <p className="text-slate-600">{r.never}</p>
        )}
        {s.running_since !== null && (
          <p>
            {r.running} <LocalTime value={s.running_since} />
          </p>
        )}
        {s.next_run_at !== null && (
          <p>
            {r.nextRun}: <LocalTime value={s.next_run_at} />
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2 pt-2">
          <Button onClick={() => dry.mutate()} disabled={dirty || dry.isPending}>
            {dry.isPending ? r.dryRunning : r.dryRun}
          </Button>
          <Button variant="danger" onClick={() => count.mutate()} disabled={dirty || count.isPending || run.isPending}>
            {count.isPending ? r.dryRunning : r.runNow}
          </Button>
          {dirty && <span className="text-slate-600">{r.saveFirst}</span>}
        </div>
        {actionError && (
          <p role="alert" className="text-red-800">
            {actionError.message}
          </p>
        )}
      </section>
      <p role="status" className="text-sm text-green-800">
        {notice}
      </p>
      <ConfirmDialog
        open={confirming !== null}
        onClose={() => {
          setConfirming(null);
          run.reset();
        }}
        title={r.runConfirmTitle}
        error={run.isError ? run.error.message : null}
        pending={run.isPending}
        confirmLabel={r.runConfirmButton}
        pendingLabel={r.runPending}
        cancelLabel={t.cancel}
        onConfirm={() => run.mutate()}
      >
        {confirming && r.runConfirm(confirming.jobs, confirming.output_jobs, confirming.output_lines)}
      </ConfirmDialog>
    </div>
  );
}

function NumberField({
  label,
  hint,
  value,
  errors,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  errors?: string[];
  onChange: (v: string) => void;
}) {
  return (
    <FormField label={label} errors={errors}>
      {(p) => (
        <>
          <NumberInput field={p} value={value} onChange={onChange} />
          <p className="mt-1 text-xs text-slate-600">{hint}</p>
        </>
      )}
    </FormField>
  );
}
