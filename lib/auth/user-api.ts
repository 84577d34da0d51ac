import { fetchJson } from "../api/http";
import type { Role } from "./roles";
import { UserPage, UserRecord } from "./user-records";

const USERS = "/api/auth/users/";

export const fetchUsers = (query: URLSearchParams, signal?: AbortSignal) => fetchJson(`${USERS}?${query}`, { signal }, UserPage);

export type NewUserInput = { username: string; display_name: string; role: Role; password: string };
export const createUser = (body: NewUserInput) => fetchJson(USERS, { method: "POST", body: JSON.stringify(body) }, UserRecord);

/** A password here resets it (and ends the user's sessions), as does deactivating. */
export type UserChange = Partial<{ display_name: string; role: Role; is_active: boolean; password: string }>;
export const updateUser = (id: number, body: UserChange) => fetchJson(`${USERS}${id}/`, { method: "PATCH", body: JSON.stringify(body) }, UserRecord);
