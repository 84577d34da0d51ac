import { z } from "zod";
import type { Field } from "../drf/fields";

/**
 * How a run option is stored (the same column on jobs and templates) and edited: `text`
 * and `flag` options get a text box or a checkbox in the forms without more code.
 */
export type OptionStorage = {
  sql: "text" | "integer" | "smallint";
  default: string | number;
  form: "text" | "textarea" | "int" | "flag" | "choice" | "playbook";
};

/**
 * One key of a resource's wire record, declared once; serializers, column lists, input
 * specs, client records and docs are derived from these.
 */
export type FieldContract = {
  /** the type of the record's value, as the web UI parses it */
  output: z.ZodType;
  /** the Drizzle column key the value is stored in */
  column?: string;
  /** the stored value → the wire value, when they differ */
  encode?: (stored: never) => unknown;
  /** computed from the record's other keys (display names); not stored */
  derive?: (record: Record<string, unknown>) => unknown;
  /** the DRF field spec a create parses the key with; absent: read-only */
  input?: Field<unknown> & { required?: boolean };
  /** a reference to another object (its id); its name is stored beside it */
  reference?: true;
  /** PUT and PATCH may change it */
  update?: true;
  /** a template's run option too: launches take it from the template */
  option?: OptionStorage;
  /** a re-run copies it from the job it re-runs */
  rerun?: true;
  /** a template may let its launch set it (`ask_<key>_on_launch`), and a schedule override it */
  prompt?: true;
  orderable?: true;
  /** `?search=` looks in it */
  searchable?: true;
  /**
   * `?key=` filters the list by it: `id` a reference's id, `exact` the text, `choice` one of
   * its input's choices, `choices` that or `?key__in=a,b`, `time` `?key__gte=`/`?key__lte=`
   */
  filter?: "id" | "exact" | "choice" | "choices" | "time";
  /** a choice filter's values on a read-only key (a writable one takes its input's) */
  choices?: readonly string[];
  /** a secret: accepted on input, never shown; the record only says whether it is set (`encode`) */
  writeOnly?: true;
  /** a key beyond the seed's record, and what it means */
  added?: string;
};

export type Contract = Record<string, FieldContract>;

type Keys<C extends Contract, P extends keyof FieldContract> = { [K in keyof C]: C[K] extends Record<P, unknown> ? K : never }[keyof C] & string;

/** The keys of a contract that carry a given property, in declaration order. */
export function keysWith<C extends Contract, P extends keyof FieldContract>(contract: C, property: P): Keys<C, P>[] {
  return Object.keys(contract).filter((k) => contract[k]![property] !== undefined) as Keys<C, P>[];
}

export type OutputShape<C extends Contract> = { [K in keyof C]: C[K]["output"] };

/** The zod object of a contract's record. */
export function recordSchema<C extends Contract>(contract: C): z.ZodObject<OutputShape<C>> {
  const shape = Object.fromEntries(Object.entries(contract).map(([k, f]) => [k, f.output]));
  return z.object(shape) as unknown as z.ZodObject<OutputShape<C>>;
}

export type InputSpec<C extends Contract, K extends keyof C> = { [P in K]: NonNullable<C[P]["input"]> };

/** The DRF field specs of some keys, in the order given. */
export function inputSpec<C extends Contract, K extends keyof C & string>(contract: C, keys: readonly K[]): InputSpec<C, K> {
  return Object.fromEntries(keys.map((k) => [k, contract[k]!.input])) as InputSpec<C, K>;
}

/** A row → its wire record: stored keys from their columns, then the derived ones, in contract order. */
export function serializer<C extends Contract>(contract: C) {
  const entries = Object.entries(contract);
  return (row: Record<string, unknown>): z.infer<z.ZodObject<OutputShape<C>>> => {
    const record: Record<string, unknown> = {};
    for (const [key, f] of entries) {
      if (f.column === undefined) continue;
      const stored = row[f.column];
      record[key] = f.encode ? (f.encode as (v: unknown) => unknown)(stored) : stored;
    }
    const out: Record<string, unknown> = {};
    for (const [key, f] of entries) out[key] = f.derive ? f.derive(record) : record[key];
    return out as z.infer<z.ZodObject<OutputShape<C>>>;
  };
}
