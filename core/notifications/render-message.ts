import type { NotificationMessage } from "./compose-message";

/**
 * The message in the formats the channels take: Markdown for the robots (DingTalk, WeCom,
 * Feishu's `lark_md`), plain text and simple HTML for email, and a JSON document with
 * every field for a generic webhook.
 */

/** Markdown: `\n\n` breaks lines in DingTalk's dialect; the recap as a quote, one host a line. */
export function toMarkdown(m: NotificationMessage, opts: { heading?: boolean } = {}): string {
  const parts: string[] = [];
  if (opts.heading ?? true) parts.push(`### ${oneLine(m.title)}`);
  for (const [label, value] of m.fields) parts.push(`**${label}**：${label === "作业" ? `[${value}](${m.job.url})` : oneLine(value)}`);
  if (m.recap.length) {
    parts.push("**PLAY RECAP**");
    parts.push(m.recap.map((l) => `> ${oneLine(l)}`).join("\n\n") + (m.recapMore ? `\n\n> …另有 ${m.recapMore} 台主机` : ""));
  }
  const links = [`[查看作业](${m.job.url})`];
  if (m.rerunFailedUrl) links.push(`[重新执行失败的主机](${m.rerunFailedUrl})`);
  parts.push(links.join(" · "));
  return parts.join("\n\n");
}

export function toText(m: NotificationMessage): string {
  const lines = [m.title, ""];
  for (const [label, value] of m.fields) lines.push(`${label}：${value}`);
  if (m.recap.length) lines.push("", "PLAY RECAP", ...m.recap, ...(m.recapMore ? [`…另有 ${m.recapMore} 台主机`] : []));
  lines.push("", `查看作业：${m.job.url}`);
  if (m.rerunFailedUrl) lines.push(`重新执行失败的主机：${m.rerunFailedUrl}`);
  return lines.join("\n") + "\n";
}

export function toHtml(m: NotificationMessage): string {
  const rows = m.fields.map(([label, value]) => `<tr><th align="left" style="padding:2px 12px 2px 0">${esc(label)}</th><td>${esc(value)}</td></tr>`).join("");
  const recap = m.recap.length
    ? `<h3>PLAY RECAP</h3><pre style="background:#f6f8fa;padding:8px">${esc([...m.recap, ...(m.recapMore ? [`…另有 ${m.recapMore} 台主机`] : [])].join("\n"))}</pre>`
    : "";
  const links = [`<a href="${esc(m.job.url)}">查看作业</a>`];
  if (m.rerunFailedUrl) links.push(`<a href="${esc(m.rerunFailedUrl)}">重新执行失败的主机</a>`);
  return `<!doctype html><html><body style="font-family:sans-serif"><h2>${esc(m.title)}</h2><table>${rows}</table>${recap}<p>${links.join(" · ")}</p></body></html>`;
}

/** The generic webhook's body: every field, with stable keys (snake_case like the API). */
export function toWebhookJson(m: NotificationMessage, notificationName: string) {
  const j = m.job;
  return {
    event: m.event,
    notification: notificationName,
    title: m.title,
    test: m.isTest,
    job: {
      id: j.id,
      url: j.url,
      template: j.templateId,
      title: j.title,
      kind: j.kind,
      playbook: j.playbook,
      state: j.state,
      state_name: j.stateName,
      user: j.user,
      start_time: j.startTime,
      finish_time: j.finishTime,
      duration: j.duration,
      explanation: j.explanation,
    },
    failed_hosts: j.failedHosts,
    first_failure: j.firstFailure,
    recap: j.recap,
    rerun_failed_url: m.rerunFailedUrl,
    text: toText(m),
  };
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ");

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Drops recap lines (then says how many) until `render` fits in `maxBytes` of UTF-8: WeCom takes 4096, DingTalk 20000. */
export function fitting(m: NotificationMessage, render: (m: NotificationMessage) => string, maxBytes: number): string {
  let current = m;
  for (;;) {
    const out = render(current);
    if (Buffer.byteLength(out) <= maxBytes || current.recap.length === 0) return cut(out, maxBytes);
    const keep = Math.floor(current.recap.length / 2);
    current = { ...current, recap: current.recap.slice(0, keep), recapMore: current.recapMore + current.recap.length - keep };
  }
}

function cut(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = text;
  while (Buffer.byteLength(out) > maxBytes - 3) out = out.slice(0, Math.floor(out.length * 0.9));
  return `${out}…`;
}
