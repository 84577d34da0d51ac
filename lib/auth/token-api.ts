import { fetchJson } from "../api/http";
import { NewTokenRecord, TokenPage } from "./user-records";

const TOKENS = "/api/auth/tokens/";

/** The caller's own tokens, newest first. */
export const fetchTokens = (signal?: AbortSignal) => fetchJson(TOKENS, { signal }, TokenPage);

/** The answer holds the whole key, this once. `expiresInDays` goes as typed: the server says what is wrong with it. */
export const createToken = (name: string, expiresInDays: number | string | null) =>
  fetchJson(TOKENS, { method: "POST", body: JSON.stringify({ name, expires_in_days: expiresInDays }) }, NewTokenRecord);

export const revokeToken = (id: number) => fetchJson<null>(`${TOKENS}${id}/`, { method: "DELETE" });

/** Revokes every token of the caller (this browser's session is no token: it goes on). */
export const revokeAllTokens = () => fetchJson<null>(TOKENS, { method: "DELETE" });
