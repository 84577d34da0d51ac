/** Whether a driver error (postgres or PGlite, possibly wrapped by Drizzle) is a unique-key violation. */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, i = 0; cur && i < 5; cur = (cur as { cause?: unknown }).cause, i++) {
    if ((cur as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
