import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum)
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// checked when the user does not exist, so both answers take as long
let dummy: Promise<string> | undefined;

/** True when `password` matches `stored`; with no stored hash it still spends the same time. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash("not-a-password-" + Math.random());
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
