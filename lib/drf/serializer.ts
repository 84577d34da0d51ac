import { FieldError, type Field } from "./fields";
import { msg, pyTypeName } from "./messages";

/** What a request body looks like to a serializer: JSON object or form fields. */
export type FieldSource = {
  isForm: boolean;
  /** the keys the body holds, in its order */
  keys: () => string[];
  has: (key: string) => boolean;
  get: (key: string) => unknown;
};

export type FieldErrors = Record<string, string[]>;

export type FieldSpec = Record<string, Field<unknown> & { required?: boolean }>;

type Parsed<S extends FieldSpec> = { [K in keyof S]?: S[K] extends Field<infer T> ? T | null : never };

export function jsonSource(data: Record<string, unknown>): FieldSource {
  return {
    isForm: false,
    keys: () => Object.keys(data),
    has: (k) => Object.prototype.hasOwnProperty.call(data, k),
    get: (k) => data[k],
  };
}

/** Form bodies: Django's QueryDict gives the last value of a repeated key. */
export function formSource(data: Map<string, string[]>): FieldSource {
  return {
    isForm: true,
    keys: () => [...data.keys()],
    has: (k) => data.has(k),
    get: (k) => data.get(k)?.at(-1),
  };
}

/** The non-object JSON bodies DRF refuses before looking at any field. */
export function invalidDataErrors(data: unknown): FieldErrors {
  return { non_field_errors: [msg.invalidData(pyTypeName(data))] };
}

/**
 * Runs every field like a DRF serializer: absent → required error or skipped
 * (`partial` skips all), null → null or error, value → the field's parser.
 * Returns the parsed values of the fields that were present, and every error.
 */
export function parseFields<S extends FieldSpec>(spec: S, source: FieldSource, opts: { partial?: boolean } = {}): { values: Parsed<S>; errors: FieldErrors } {
  const values: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [key, field] of Object.entries(spec)) {
    let raw = source.has(key) ? source.get(key) : undefined;
    if (source.isForm && raw === "") {
      if (field.allowBlank) raw = "";
      else if (field.nullable) raw = null;
      else if (!field.required || opts.partial) raw = undefined;
    }
    if (raw === undefined) {
      if (field.required && !opts.partial) errors[key] = [msg.required];
      continue;
    }
    if (raw === null) {
      if (field.nullable) values[key] = null;
      else errors[key] = [msg.null];
      continue;
    }
    try {
      values[key] = field.parse(raw);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      errors[key] = e.messages;
    }
  }
  return { values: values as Parsed<S>, errors };
}

export function addError(errors: FieldErrors, key: string, message: string): void {
  (errors[key] ??= []).push(message);
}
