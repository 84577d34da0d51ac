import { formSource, invalidDataErrors, jsonSource, type FieldSource } from "@/lib/drf/serializer";
import { ValidationError } from "@/core/errors";
import { ParseError, UnsupportedMediaType } from "./request-errors";
import { isJsonTooDeep, MAX_JSON_DEPTH } from "./json-depth";

/** A parsed request body: a JSON value, or form fields with every value of a repeated key. */
export type RequestBody = { kind: "json"; data: unknown } | { kind: "form"; data: Map<string, string[]> };

const EMPTY: RequestBody = { kind: "json", data: {} };

/** Parses JSON, urlencoded and multipart bodies as DRF's default parsers do. */
export async function readBody(request: Request): Promise<RequestBody> {
  const contentType = request.headers.get("content-type");
  if (!contentType) return EMPTY;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType === "application/json") {
    const text = await request.text();
    if (text.trim() === "") return EMPTY;
    if (isJsonTooDeep(text)) throw new ParseError(`嵌套超过 ${MAX_JSON_DEPTH} 层。`);
    try {
      return { kind: "json", data: JSON.parse(text) };
    } catch (e) {
      throw new ParseError((e as Error).message);
    }
  }
  if (mediaType === "application/x-www-form-urlencoded") {
    return { kind: "form", data: collect(new URLSearchParams(await request.text())) };
  }
  if (mediaType === "multipart/form-data") {
    let form: FormData;
    try {
      form = await request.formData();
    } catch (e) {
      throw new ParseError(`Multipart form parse error - ${(e as Error).message}`);
    }
    const entries: [string, string][] = [];
    form.forEach((v, k) => {
      if (typeof v === "string") entries.push([k, v]);
    });
    return { kind: "form", data: collect(entries) };
  }
  throw new UnsupportedMediaType(contentType);
}

function collect(entries: Iterable<[string, string]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of entries) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/** The body as serializer input; a JSON body that is not an object is a 400 as in DRF. */
export function fieldSource(body: RequestBody): FieldSource {
  if (body.kind === "form") return formSource(body.data);
  const d = body.data;
  if (d === null || typeof d !== "object" || Array.isArray(d)) throw new ValidationError(invalidDataErrors(d));
  return jsonSource(d as Record<string, unknown>);
}
