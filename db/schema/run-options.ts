import { integer, smallint, text } from "drizzle-orm/pg-core";
import { JOB_FIELDS, RUN_OPTION_KEYS, type RunOptionKey } from "@/lib/contracts/job";

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
