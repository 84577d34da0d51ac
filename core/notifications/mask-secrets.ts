import type { NotificationTarget } from "./send-notification";

const MASK = "********";

/**
 * What a delivery log keeps of an error must not carry the target's secrets: its signing
 * secret, its SMTP password, and the parts of its URL that act as one (a robot's
 * `access_token` or `key`, a Feishu hook's id, a signature), should the error or the
 * receiver's answer quote them.
 */
export function maskSecrets(text: string, target: Pick<NotificationTarget, "secret" | "smtpPassword" | "url">): string {
  if (text === "") return text;
  const secrets = [target.secret, target.smtpPassword, ...urlSecrets(target.url)].filter((s) => s.length >= 4);
  let out = text;
  for (const s of [...new Set(secrets)].sort((a, b) => b.length - a.length)) {
    out = out.split(s).join(MASK);
    const encoded = encodeURIComponent(s);
    if (encoded !== s) out = out.split(encoded).join(MASK);
  }
  return out;
}

function urlSecrets(url: string): string[] {
  try {
    const u = new URL(url);
    const out = [...u.searchParams.values()];
    const last = u.pathname.split("/").at(-1) ?? "";
    if (last.length >= 16) out.push(last);
    if (u.password) out.push(decodeURIComponent(u.password));
    return out;
  } catch {
    return [];
  }
}
