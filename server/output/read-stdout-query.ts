import { choice, integer, type Field } from "@/lib/drf/fields";
import type { FieldErrors } from "@/lib/drf/serializer";
import { readQueryField } from "../drf/query-field";
import { lastParam } from "../drf/query-string";
import { assertValid } from "@/core/errors";
import { MAX_LINE_NO } from "./read-lines";

export const STDOUT_FORMATS = ["txt", "ansi", "json"] as const;
export type StdoutFormat = (typeof STDOUT_FORMATS)[number];

export type StdoutQuery = {
  format: StdoutFormat;
  /** for `json`: the content as plain text (default) or with its colour codes */
  contentFormat: "txt" | "ansi";
  /** 0-based, inclusive, as AWX's start_line */
  startLine: number;
  /** exclusive; undefined means the end of what is stored */
  endLine?: number;
  download: boolean;
};

/** The stdout endpoint's query, AWX's names and defaults; an empty value means the default. */
export function readStdoutQuery(url: URL): StdoutQuery {
  const errors: FieldErrors = {};
  const read = <T>(key: string, field: Field<T>) => readQueryField(url, key, field, errors);
  const line = integer({ min: 0 });
  const query: StdoutQuery = {
    format: read("format", choice(STDOUT_FORMATS)) ?? "txt",
    contentFormat: read("content_format", choice(["txt", "ansi"] as const)) ?? "txt",
    startLine: Math.min(read("start_line", line) ?? 0, MAX_LINE_NO),
    endLine: clamp(read("end_line", line)),
    download: ["1", "true", "True", "yes"].includes(lastParam(url, "download")?.trim() ?? ""),
  };
  assertValid(errors);
  return query;
}

const clamp = (n: number | undefined) => (n === undefined ? undefined : Math.min(n, MAX_LINE_NO));
