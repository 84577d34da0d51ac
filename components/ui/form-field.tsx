"use client";

import { useId, type ReactNode } from "react";

export type FieldProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

/** A label, a control and its error messages, wired for assistive technology. */
export function FormField({
  label,
  errors,
  className = "",
  children,
}: {
  label: string;
  errors?: string[];
  className?: string;
  children: (p: FieldProps) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const invalid = !!errors?.length;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children({ id, "aria-invalid": invalid, "aria-describedby": invalid ? errId : undefined })}
      {invalid && (
        <p id={errId} className="mt-1 text-xs text-red-700">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30 aria-[invalid=true]:border-red-600";

/** A whole-number field (a numeric keypad on phones) that hands its text to `onChange`. */
export function NumberInput({
  field,
  value,
  onChange,
  min = 0,
  max,
  placeholder,
}: {
  field: FieldProps;
  value: string;
  onChange: (value: string) => void;
  min?: number;
  max?: number;
  placeholder?: string;
}) {
  return (
    <input
      {...field}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      className={inputClass}
    />
  );
}

/** A yes/no option as a labelled checkbox, its errors after the label. */
export function FlagField({ label, checked, onChange, errors }: { label: string; checked: boolean; onChange: (checked: boolean) => void; errors?: string[] }) {
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input type="checkbox" className="size-4 accent-blue-700" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
      {errors && <span className="text-xs text-red-700">{errors.join(" ")}</span>}
    </label>
  );
}
