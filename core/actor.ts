/** Whom a domain verb acts for: a request's caller, or a schedule's owner. */
export type Actor = { id: number; username: string; displayName: string; role: string };
