"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { Spinner } from "./spinner";

export type ComboOption = { id: number; name: string };

type Props = {
  label: string;
  value: number | null;
  /** the selected option's name, when known */
  valueLabel: string | null;
  onChange: (id: number | null) => void;
  /** the search typed so far; the owner loads `options` for it */
  onSearch: (text: string) => void;
  options: ComboOption[];
  status: "loading" | "ready" | "error";
  statusText: { empty: string; error: string; loading: string; placeholder: string; any: string; clear: string };
  /** for forms: a required marker, and the control's error and hint ids */
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
};

/** A searchable select (WAI-ARIA combobox with a listbox popup); the first option clears the choice. */
export function Combobox({ label, value, valueLabel, onChange, onSearch, options, status, statusText, required, invalid, describedBy }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const items: (ComboOption | null)[] = [null, ...options];
  const shown = open ? text : (valueLabel ?? (value !== null ? `#${value}` : ""));

  const close = () => {
    setOpen(false);
    setText("");
    onSearch("");
  };
  const choose = (opt: ComboOption | null) => {
    onChange(opt ? opt.id : null);
    close();
  };
  const openList = () => {
    if (open) return;
    setOpen(true);
    onSearch("");
    setActive(
      Math.max(
        0,
        items.findIndex((o) => (o?.id ?? null) === value),
      ),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return openList();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + items.length) % items.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      if (items[active] !== undefined) choose(items[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
        {required && (
          <span aria-hidden className="ml-0.5 text-red-700">
            *
          </span>
        )}
      </label>
      <div className="relative">
        <input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-required={required || undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-activedescendant={open ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          value={shown}
          placeholder={open ? statusText.placeholder : statusText.any}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
            onSearch(e.target.value);
          }}
          onFocus={openList}
          onClick={openList}
          onBlur={close}
          onKeyDown={onKeyDown}
          className="h-9 w-full truncate rounded-md border border-slate-300 bg-white pl-2.5 pr-8 text-sm placeholder:text-slate-500 focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30 aria-[invalid=true]:border-red-600"
        />
        {value !== null && !open && (
          <button
            type="button"
            aria-label={statusText.clear}
            onClick={() => onChange(null)}
            className="absolute right-1 top-1/2 -translate-y-1/2 rounded px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            ×
          </button>
        )}
      </div>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-64 w-full min-w-48 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {items.map((opt, i) => (
            <li
              key={opt?.id ?? "any"}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={(opt?.id ?? null) === value}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(opt)}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer truncate px-2.5 py-1.5 ${i === active ? "bg-blue-50 text-blue-900" : ""} ${opt ? "" : "text-slate-500"}`}
            >
              {opt ? opt.name : statusText.any}
            </li>
          ))}
          {status !== "ready" || options.length === 0 ? (
            <li role="presentation" className="flex items-center gap-2 px-2.5 py-1.5 text-slate-500">
              {status === "loading" ? <Spinner /> : null}
              {status === "loading" ? statusText.loading : status === "error" ? statusText.error : statusText.empty}
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
