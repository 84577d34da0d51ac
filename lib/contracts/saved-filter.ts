import { z } from "zod";
import { FieldError, string, type Field } from "../drf/fields";
import { MAX_SAVED_QUERY, normalizeSavedView, savedViewHref } from "../jobs/saved-view";
import { inputSpec, recordSchema, serializer, type Contract } from "./define";

export const MAX_SAVED_FILTER_NAME = 64;
/** Saved filters one user may keep. */
export const MAX_SAVED_FILTERS = 200;

export const savedFilterMessages = {
  nameTaken: (name: string) => `已有名为 “${name}” 的筛选。`,
  tooMany: `最多可保存 ${MAX_SAVED_FILTERS} 个筛选，请先删除不用的。`,
};

/** The history's query: read by the page's own parsers and kept normalized. */
function historyQuery(): Field<string> {
  const text = string({ maxLength: MAX_SAVED_QUERY });
  return {
    allowBlank: true,
    parse(raw) {
      const { query, errors } = normalizeSavedView(text.parse(raw));
      if (errors.length) throw new FieldError(errors);
      return query;
    },
  };
}

/** A user's named view of the job history (`/api/job/saved-filter/`): only its owner sees it. */
export const SAVED_FILTER_FIELDS = {
  id: { output: z.number().int(), column: "id", orderable: true },
  name: {
    output: z.string(),
    column: "name",
    input: { ...string({ maxLength: MAX_SAVED_FILTER_NAME, allowBlank: false }), required: true },
    update: true,
    orderable: true,
    searchable: true,
    added: `required, at most ${MAX_SAVED_FILTER_NAME} characters, unique among the user's own`,
  },
  query: {
    output: z.string(),
    column: "query",
    input: { ...historyQuery(), required: true },
    update: true,
    added:
      "the history page's query string without `page` (`state=failed&ordering=-duration&size=50`), stored as the page's parsers read it; `\"\"`: every job",
  },
  url: { output: z.string(), derive: (r) => savedViewHref(r.query as string), added: "`/jobs?<query>`: the view as a link any user can open" },
  ctime: { output: z.number(), column: "ctime", orderable: true },
} as const satisfies Contract;

export const SAVED_FILTER_INPUT_FIELDS = inputSpec(SAVED_FILTER_FIELDS, ["name", "query"]);
export const SavedFilterRecord = recordSchema(SAVED_FILTER_FIELDS);
export type SavedFilterRecord = z.infer<typeof SavedFilterRecord>;
export const toSavedFilterRecord = serializer(SAVED_FILTER_FIELDS);
