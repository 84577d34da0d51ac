import { integer, smallint, text } from "drizzle-orm/pg-core";

/** The run options a job shares with the template it was launched from. */
export function runOptionColumns() {
  return {
    playbook: text("playbook").notNull().default(""),
    jobType: text("job_type").notNull().default("run"),
    forks: integer("forks").notNull().default(0),
    limit: text("limit").notNull().default(""),
    tags: text("tags").notNull().default(""),
    skipTags: text("skip_tags").notNull().default(""),
    verbosity: smallint("verbosity").notNull().default(0),
    variables: text("variables").notNull().default(""),
    becomeEnabled: smallint("become_enabled").notNull().default(0),
    diffMode: smallint("diff_mode").notNull().default(0),
    forceHandlers: smallint("force_handlers").notNull().default(0),
    startAtTask: text("start_at_task").notNull().default(""),
    /** seconds a run may take before it is stopped and ends `failed` (AWX's `timeout`); 0: no limit */
    timeout: integer("timeout").notNull().default(0),
  };
}
