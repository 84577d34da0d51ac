/**
 * A short human reading of the usual 5-field cron expressions ("每天 02:00",
 * "Every 5 minutes, Mon–Fri"), or null for what it does not cover (the form then only
 * lists the next run times, which are exact for any expression).
 */
export type CronLang = "zh" | "en";

type Field = { any: true } | { step: number } | { values: number[] };

const DAYS = { zh: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"], en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] };
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LIMITS: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

function readField(text: string, [min, max]: [number, number]): Field | null {
  if (text === "*") return { any: true };
  const step = /^\*\/(\d+)$/.exec(text);
  if (step) return Number(step[1]) >= 1 ? { step: Number(step[1]) } : null;
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < min || to > max || from > to) return null;
    for (let v = from; v <= to; v++) values.add(v);
  }
  return { values: [...values].sort((a, b) => a - b) };
}

const pad = (n: number) => String(n).padStart(2, "0");
const isValues = (f: Field): f is { values: number[] } => "values" in f;

/** "周一至周五" / "Mon–Fri" for a run of three or more days, else a list. */
function dayList(values: number[], lang: CronLang): string {
  const days = [...new Set(values.map((v) => v % 7))].sort((a, b) => a - b);
  const names = DAYS[lang];
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  if (days.length >= 3 && consecutive) return lang === "zh" ? `${names[days[0]!]}至${names[days.at(-1)!]}` : `${names[days[0]!]}–${names[days.at(-1)!]}`;
  return days.map((d) => names[d]).join(lang === "zh" ? "、" : ", ");
}

function dayPhrase(dom: Field, mon: Field, dow: Field, lang: CronLang): string | null | undefined {
  const sep = lang === "zh" ? "、" : ", ";
  if ("any" in dom && "any" in mon && "any" in dow) return null;
  if ("any" in dom && "any" in mon && isValues(dow)) return lang === "zh" ? `每${dayList(dow.values, lang)}` : `every ${dayList(dow.values, lang)}`;
  if (!("any" in dow)) return undefined;
  const months = isValues(mon) ? mon.values.map((m) => (lang === "zh" ? `${m} 月` : MONTHS_EN[m - 1])).join(sep) : null;
  if (isValues(dom)) {
    const days = dom.values.join(sep);
    if ("any" in mon) return lang === "zh" ? `每月 ${days} 日` : `on day ${days} of every month`;
    if (months) return lang === "zh" ? `每年 ${months} ${days} 日` : `on day ${days} of ${months}`;
  }
  if ("any" in dom && months) return lang === "zh" ? `${months}的每天` : `every day in ${months}`;
  return undefined;
}

export function describeCron(expr: string, lang: CronLang): string | null {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const fields = parts.map((p, i) => readField(p, LIMITS[i]!));
  if (fields.some((f) => f === null)) return null;
  const [min, hour, dom, mon, dow] = fields as [Field, Field, Field, Field, Field];
  const day = dayPhrase(dom, mon, dow, lang);
  if (day === undefined) return null;
  const sep = lang === "zh" ? "、" : ", ";

  if (isValues(min) && isValues(hour)) {
    if (min.values.length * hour.values.length > 6) return null;
    const times = hour.values.flatMap((h) => min.values.map((m) => `${pad(h)}:${pad(m)}`)).join(sep);
    return lang === "zh" ? `${day ?? "每天"} ${times}` : `${cap(day ?? "every day")} at ${times}`;
  }
  let time: string | null = null;
  if ("any" in min && "any" in hour) time = lang === "zh" ? "每分钟" : "every minute";
  else if ("step" in min && "any" in hour) time = lang === "zh" ? `每 ${min.step} 分钟` : `every ${min.step} minutes`;
  else if (isValues(min) && "any" in hour) time = lang === "zh" ? `每小时的第 ${min.values.join(sep)} 分` : `every hour at minute ${min.values.join(sep)}`;
  else if (isValues(min) && "step" in hour)
    time = lang === "zh" ? `每 ${hour.step} 小时的第 ${min.values.join(sep)} 分` : `every ${hour.step} hours at minute ${min.values.join(sep)}`;
  if (time === null) return null;
  if (day === null) return cap(time);
  return lang === "zh" ? `${day}，${time}` : `${cap(time)}, ${day}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
