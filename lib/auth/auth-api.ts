import { fetchJson, schemaOf } from "../api/http";

// the schemas load with the first answer they check, so zod is not in the pages' first JavaScript
const records = () => import("./user-records");

export const fetchMe = (signal?: AbortSignal) => fetchJson("/api/auth/me/", { signal }, schemaOf(records, "MeRecord"));

/** Sets the session cookies; wrong credentials are a 400 `non_field_errors`, too many a 429. */
export const logIn = (username: string, password: string) =>
  fetchJson("/api/auth/login/", { method: "POST", body: JSON.stringify({ username, password }) }, schemaOf(records, "UserRecord"));

export const logOut = () => fetchJson<null>("/api/auth/logout/", { method: "POST", body: "{}" });

/** 204; the caller's other sessions end. A wrong old password is a 400 on `old_password`. */
export const changePassword = (oldPassword: string, newPassword: string) =>
  fetchJson<null>("/api/auth/password/", { method: "POST", body: JSON.stringify({ old_password: oldPassword, new_password: newPassword }) });

/** The caller's own time settings; a zone that is not IANA is a 400 on `time_zone`. */
export const updateMySettings = (settings: { time_zone?: string | null; time_display?: "exact" | "relative" }) =>
  fetchJson("/api/auth/me/", { method: "PATCH", body: JSON.stringify(settings) }, schemaOf(records, "MeRecord"));
