import { z } from "zod";
import { string } from "../drf/fields";
import { MAX } from "../jobs/limits";

/** `name` of every referenced object: required, not blank, at most 512 characters. */
export const NAME_FIELD = { ...string({ maxLength: 512, allowBlank: false }), required: true };

export const DESCRIPTION_FIELD = string({ maxLength: MAX.short });

/**
 * A template's or schedule's newest job (by id; a deleted one hands over to the one before),
 * flat like a host's `last_job`/`last_status`/`last_seen`; all null while it has none.
 */
export const LAST_JOB_FIELDS = {
  last_job: { output: z.number().int().nullable(), column: "lastJobId", added: "the id of its newest job" },
  last_job_state: { output: z.string().nullable(), column: "lastJobState", added: "that job's `state`" },
  last_job_time: {
    output: z.number().nullable(),
    column: "lastJobTime",
    added: "when that job ended, else started, else was created (Unix seconds)",
  },
} as const;
