/** An object id as the API reads one from a path or a query: digits only, at most 9 of them. */
export function parseId(text: string | null | undefined): number | undefined {
  return text != null && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}
