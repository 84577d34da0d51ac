"use client";

import { useState } from "react";
import { HttpError, type FieldErrors } from "@/lib/api/http";

/** Errors of a failed request: DRF's per-field messages, else one message for the form. */
export function toFieldErrors(err: unknown): FieldErrors {
  if (err instanceof HttpError && err.fieldErrors) return err.fieldErrors;
  return { non_field_errors: [err instanceof Error ? err.message : String(err)] };
}

/** A form's values and the API's errors; editing a field clears its error. */
export function useFormState<V extends object>(initial: V) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dirty, setDirty] = useState(false);

  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key as string]: _, ...rest }) => rest);
    setDirty(true);
  };
  const reset = (next: V) => {
    setValues(next);
    setErrors({});
    setDirty(false);
  };
  return { values, set, errors, setErrors, fail: (err: unknown) => setErrors(toFieldErrors(err)), dirty, reset };
}
