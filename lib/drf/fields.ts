import { msg, pyTypeName } from "./messages";

/** Thrown by a field parser; the serializer collects these per field. */
export class FieldError extends Error {
  constructor(public readonly messages: string[]) {
    super(messages.join(" "));
  }
}

const fail = (m: string): never => {
  throw new FieldError([m]);
};

/** Python's `str()` of a parsed JSON value, as it appears inside DRF messages. */
export function pyStr(v: unknown): string {
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === null || v === undefined) return "None";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export type Field<T> = {
  parse: (raw: unknown) => T;
  /** may the value be null (JSON null, or an empty form value) */
  nullable?: boolean;
  /** an empty form value means "blank string" rather than "absent" */
  allowBlank?: boolean;
  /** a ChoiceField's values (a list filter on the key takes the same) */
  choices?: readonly string[];
};

/** DRF IntegerField: accepts 5, "5", " 5 ", "5.0"; refuses booleans, "1.5", "abc". */
export function integer(opts: { min?: number; max?: number; nullable?: boolean } = {}): Field<number> {
  return {
    nullable: opts.nullable,
    parse(raw) {
      const n = toPyInt(raw);
      if (n === undefined) return fail(msg.invalidInteger);
      if (opts.min !== undefined && n < opts.min) fail(msg.minValue(opts.min));
      if (opts.max !== undefined && n > opts.max) fail(msg.maxValue(opts.max));
      return n;
    },
  };
}

function toPyInt(raw: unknown): number | undefined {
  if (typeof raw === "string" && raw.length > 1000) fail(msg.maxStringLength);
  if (typeof raw === "number") return Number.isInteger(raw) ? raw : undefined;
  if (typeof raw !== "string") return undefined;
  const s = raw.replace(/\.0*\s*$/, "").trim();
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** DRF CharField: trimmed, bounded; numbers are accepted as their text. */
export function string(opts: { maxLength: number; allowBlank?: boolean; nullable?: boolean; trim?: boolean }): Field<string> {
  const allowBlank = opts.allowBlank ?? true;
  return {
    nullable: opts.nullable,
    allowBlank,
    parse(raw) {
      if (typeof raw !== "string" && typeof raw !== "number") return fail(msg.invalidString);
      let s = String(raw);
      if (s.includes("\0")) fail(msg.nullCharacters);
      if (opts.trim ?? true) s = s.trim();
      if (s === "" && !allowBlank) fail(msg.blank);
      if (s.length > opts.maxLength) fail(msg.maxLength(opts.maxLength));
      return s;
    },
  };
}

/** DRF ChoiceField over string values. */
export function choice<T extends string>(values: readonly T[], opts: { nullable?: boolean } = {}): Field<T> {
  return {
    nullable: opts.nullable,
    choices: values,
    parse(raw) {
      const s = pyStr(raw);
      if (typeof raw === "object" || !(values as readonly string[]).includes(s)) return fail(msg.invalidChoice(s));
      return s as T;
    },
  };
}

/** DRF ChoiceField over integer values: `1` and `"1"` are the same choice. */
export function intChoice(values: readonly number[]): Field<number> {
  return {
    parse(raw) {
      const s = pyStr(raw).trim();
      const n = /^\d+$/.test(s) && typeof raw !== "boolean" ? Number(s) : NaN;
      if (!values.includes(n)) return fail(msg.invalidChoice(pyStr(raw)));
      return n;
    },
  };
}

/** The seed's 0/1 flags: 0/1, "0"/"1", true/false (JSON or text). */
export function flag(): Field<0 | 1> {
  return {
    parse(raw) {
      if (raw === true || raw === 1 || raw === "1" || raw === "true" || raw === "True") return 1;
      if (raw === false || raw === 0 || raw === "0" || raw === "false" || raw === "False") return 0;
      return fail(msg.invalidChoice(pyStr(raw)));
    },
  };
}

/** DRF BooleanField (schedule `enabled` and other true booleans). */
export function boolean(): Field<boolean> {
  const yes = new Set<unknown>([true, 1, "1", "true", "True", "TRUE", "yes", "on", "y", "t"]);
  const no = new Set<unknown>([false, 0, "0", "false", "False", "FALSE", "no", "off", "n", "f"]);
  return {
    parse(raw) {
      if (yes.has(raw)) return true;
      if (no.has(raw)) return false;
      return fail(msg.invalidBoolean);
    },
  };
}

/**
 * DRF PrimaryKeyRelatedField, syntax half: returns the id to look up. Existence is
 * checked afterwards against the database (see `checkReferences`).
 */
export function primaryKey(opts: { nullable?: boolean } = {}): Field<number> {
  return {
    nullable: opts.nullable ?? true,
    parse(raw) {
      if (typeof raw === "boolean" || typeof raw === "object") return fail(msg.pkIncorrectType(pyTypeName(raw)));
      if (typeof raw === "number") {
        if (!Number.isInteger(raw)) return fail(msg.pkIncorrectType("float"));
        return raw;
      }
      const s = String(raw).trim();
      if (!/^[+-]?\d+$/.test(s)) return fail(msg.pkIncorrectType("str"));
      return Number(s);
    },
  };
}

/**
 * DRF ListField of `child`: a JSON array, or in a form one value split on commas and
 * white space (`started, failed`). Each item's errors are keyed by its index, as DRF does,
 * and flattened into the field's messages.
 */
export function list<T>(child: Field<T>, opts: { allowEmpty?: boolean; maxItems?: number } = {}): Field<T[]> {
  return {
    parse(raw) {
      const items = typeof raw === "string" ? raw.split(/[\s,;]+/).filter((s) => s !== "") : raw;
      if (!Array.isArray(items)) return fail(msg.notAList(pyTypeName(raw)));
      if (items.length === 0 && !opts.allowEmpty) fail(msg.emptyList);
      if (opts.maxItems !== undefined && items.length > opts.maxItems) fail(msg.maxItems(opts.maxItems));
      const out: T[] = [];
      const errors: string[] = [];
      for (const item of items) {
        try {
          out.push(child.parse(item));
        } catch (e) {
          if (!(e instanceof FieldError)) throw e;
          errors.push(...e.messages);
        }
      }
      if (errors.length) throw new FieldError([...new Set(errors)]);
      return out;
    },
  };
}
