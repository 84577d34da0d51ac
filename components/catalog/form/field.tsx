"use client";

import { useId, type ReactNode } from "react";

export type ControlProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string; "aria-required"?: boolean };

type Props = {
  label: string;
  /** a short help line under the control */
  hint?: ReactNode;
  /** the API's messages for this field */
  errors?: string[];
  required?: boolean;
  className?: string;
  /** shown after the label (a status badge) */
  badge?: ReactNode;
  children: (p: ControlProps) => ReactNode;
};

/** A label, a control, its hint and its errors, wired for assistive technology. */
export function Field({ label, hint, errors, required, className = "", badge, children }: Props) {
  const id = useId();
  const invalid = !!errors?.length;
  const describedBy = [invalid ? `${id}-err` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return (
    <div className={`min-w-0 ${className}`}>
      <div className="mb-1 flex items-center gap-2">
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          {label}
          {required && (
            <span aria-hidden className="ml-0.5 text-red-700">
              *
            </span>
          )}
        </label>
        {badge}
      </div>
      {children({ id, "aria-invalid": invalid, "aria-describedby": describedBy || undefined, "aria-required": required || undefined })}
      {invalid && (
        <p id={`${id}-err`} className="mt-1 text-xs text-red-700">
          {errors!.join(" ")}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

export const textareaClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 font-mono text-[13px] leading-relaxed focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30 aria-[invalid=true]:border-red-600";
