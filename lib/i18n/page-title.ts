import type { Dictionary } from "./zh";

/** Every page's title ends with the application's name: `作业历史 — 作业任务`. */
export const titleTemplate = (t: Dictionary) => `%s — ${t.app.title}`;
export const fullTitle = (t: Dictionary, page: string) => titleTemplate(t).replace("%s", page);

/** A job page's own part: `作业 #301 · 失败`. */
export const jobTitle = (t: Dictionary, id: number, state: string) => `${t.detail.title(id)} · ${t.states[state] ?? state}`;
