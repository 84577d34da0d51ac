import { boolean, integer, smallint, text } from "drizzle-orm/pg-core";
import { askFlag, JOB_FIELDS, PROMPT_KEYS, RUN_OPTION_KEYS, askColumnOf, type AskColumn, type PromptKey, type RunOptionKey } from "@/lib/contracts/job";

const COLUMN_TYPES = {
  text: (name: string, value: string) => text(name).notNull().default(value),
  integer: (name: string, value: number) => integer(name).notNull().default(value),
  smallint: (name: string, value: number) => smallint(name).notNull().default(value),
};

type Options = typeof JOB_FIELDS;
type RunOptionColumns = { [K in RunOptionKey as Options[K]["column"]]: ReturnType<(typeof COLUMN_TYPES)[Options[K]["option"]["sql"]]> };

/**
 * The run options a job shares with the template it was launched from, as the job
 * contract declares them: the column is named like the wire key.
 */
export function runOptionColumns(): RunOptionColumns {
  const build = (key: RunOptionKey) => {
    const { sql, default: value } = JOB_FIELDS[key].option;
    return (COLUMN_TYPES[sql] as (name: string, value: string | number) => unknown)(key, value);
  };
  return Object.fromEntries(RUN_OPTION_KEYS.map((key) => [JOB_FIELDS[key].column, build(key)])) as RunOptionColumns;
}

const askColumn = (name: string) => boolean(name).notNull().default(false);

/** One boolean per prompt a template may ask at launch, named as AWX names it; off by default. */
export function promptFlagColumns(): { [K in PromptKey as AskColumn<K>]: ReturnType<typeof askColumn> } {
  return Object.fromEntries(PROMPT_KEYS.map((key) => [askColumnOf(key), askColumn(askFlag(key))])) as never;
}

type Prompts = { [K in PromptKey]: (typeof JOB_FIELDS)[K] };
type OverrideColumn<F> = F extends { option: { sql: infer S extends keyof typeof COLUMN_TYPES } }
  ? ReturnType<{ text: typeof text; integer: typeof integer; smallint: typeof smallint }[S]>
  : ReturnType<typeof integer>;

/**
 * A schedule's overrides of what a template may ask at launch: the run option's column
 * type (a reference's id), null taking the template's value.
 */
export function promptOverrideColumns(): { [K in PromptKey as Prompts[K]["column"]]: OverrideColumn<Prompts[K]> } {
  const build = (key: PromptKey) => {
    const field = JOB_FIELDS[key] as { option?: { sql: keyof typeof COLUMN_TYPES } };
    const sql = field.option?.sql;
    if (sql === undefined) return integer(`${key}_id`);
    return sql === "text" ? text(key) : sql === "integer" ? integer(key) : smallint(key);
  };
  return Object.fromEntries(PROMPT_KEYS.map((key) => [JOB_FIELDS[key].column, build(key)])) as never;
}
