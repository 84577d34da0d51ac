"use client";

import { useEffect, useId, useState } from "react";
import { MAX_SEARCH } from "@/lib/jobs/history-search";
import { useI18n } from "../i18n/i18n-provider";

/** Free-text search (or another text filter); typed text reaches the URL after a pause, the URL's text wins on back/forward. */
export function SearchFilter({
  value,
  onChange,
  label,
  placeholder,
  maxLength = MAX_SEARCH,
}: {
  value: string;
  onChange: (v: string) => void;
  label?: string;
  placeholder?: string;
  maxLength?: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }

  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onChange(text.trim()), 350);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label ?? t.filters.search}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={maxLength}
        placeholder={placeholder ?? t.filters.searchPlaceholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onChange(text.trim());
        }}
        className="h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm placeholder:text-slate-400 focus:border-blue-600 focus:outline-2 focus:outline-blue-600/30"
      />
    </div>
  );
}
