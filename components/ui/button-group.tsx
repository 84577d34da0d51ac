"use client";

export type ButtonGroupOption<T> = { value: T; label: string; title?: string };

/**
 * A row of joined buttons, the chosen one pressed (`aria-pressed`): periods, presets,
 * display modes. `onPick` gets the button pressed, the chosen one too (a caller may drop it).
 */
export function ButtonGroup<T extends string | number>({
  label,
  options,
  value,
  onPick,
  className = "inline-flex",
  buttonClassName = "px-2.5",
}: {
  label: string;
  options: readonly ButtonGroupOption<T>[];
  value: T | null;
  onPick: (value: T) => void;
  /** the group's layout (its display, height, margins) */
  className?: string;
  /** each button's size */
  buttonClassName?: string;
}) {
  return (
    <div role="group" aria-label={label} className={`${className} overflow-hidden rounded-md border border-slate-300 bg-white text-sm`}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          title={o.title}
          onClick={() => onPick(o.value)}
          className={`${buttonClassName} whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${o.value === value ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-50"}`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
