import { string } from "../drf/fields";
import { MAX } from "../jobs/limits";

/** `name` of every referenced object: required, not blank, at most 512 characters. */
export const NAME_FIELD = { ...string({ maxLength: 512, allowBlank: false }), required: true };

export const DESCRIPTION_FIELD = string({ maxLength: MAX.short });
