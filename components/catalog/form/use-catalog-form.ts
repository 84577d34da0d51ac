"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { CatalogKind, CatalogRecords } from "@/lib/catalog/catalog-records";
import { useSaveCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { useFormState } from "./use-form-state";

/**
 * A catalog edit form's state and save: POST for a new record (then go to its page),
 * PATCH for an existing one (then show "saved"), the API's field errors kept for display.
 */
export function useCatalogForm<K extends CatalogKind, V extends object>(
  kind: K,
  record: CatalogRecords[K] | undefined,
  initial: V,
  valuesOf: (saved: CatalogRecords[K]) => V,
  pagePath: string,
) {
  const { c } = useCatalogText();
  const router = useRouter();
  const save = useSaveCatalogItem(kind);
  const form = useFormState(initial);
  const [notice, setNotice] = useState("");

  const submit = (bodyOf: () => Record<string, unknown>) => (e: FormEvent) => {
    e.preventDefault();
    setNotice("");
    save.mutate(
      { id: record?.id ?? null, body: bodyOf() },
      {
        onSuccess: (saved) => {
          if (!record) return router.push(`${pagePath}/${saved.id}`);
          form.reset(valuesOf(saved as CatalogRecords[K]));
          setNotice(c.common.saved);
        },
        onError: form.fail,
      },
    );
  };
  return { form, save, notice, setNotice, submit };
}
