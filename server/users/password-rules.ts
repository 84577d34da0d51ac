import { commonPasswords } from "./common-passwords";

/** Django's default AUTH_PASSWORD_VALIDATORS, with the zh-hans messages of Django's locale. */
export const MIN_PASSWORD_LENGTH = 8;
const MAX_SIMILARITY = 0.7;

export const passwordMessages = {
  tooSimilar: (verboseName: string) => `密码跟 ${verboseName} 太相似了。`,
  tooShort: (n: number) => `密码长度太短。密码必须包含至少 ${n} 个字符。`,
  tooCommon: "这个密码太常见了。",
  entirelyNumeric: "密码只包含数字。",
} as const;

/** The user a password is checked against: the attributes UserAttributeSimilarityValidator compares. */
export type PasswordOwner = { username: string; displayName?: string | null };

// verbose names of the compared attributes, as the users API calls them
const ATTRIBUTES = [
  { key: "username", verboseName: "用户名" },
  { key: "displayName", verboseName: "显示名称" },
] as const;

/**
 * What is wrong with a new password, in the order Django's validators run (similarity,
 * length, common, numeric); empty when it may be set.
 */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const out: string[] = [];
  const similar = similarAttribute(password, owner);
  if (similar) out.push(passwordMessages.tooSimilar(similar));
  if (codePoints(password).length < MIN_PASSWORD_LENGTH) out.push(passwordMessages.tooShort(MIN_PASSWORD_LENGTH));
  if (commonPasswords().has(password.toLowerCase().trim())) out.push(passwordMessages.tooCommon);
  if (/^\p{Nd}+$/u.test(password)) out.push(passwordMessages.entirelyNumeric);
  return out;
}

/** UserAttributeSimilarityValidator: the verbose name of the first attribute (or part of one) too like the password. */
function similarAttribute(password: string, owner: PasswordOwner): string | undefined {
  const pw = codePoints(password.toLowerCase());
  for (const { key, verboseName } of ATTRIBUTES) {
    const value = owner[key];
    if (!value) continue;
    const lower = value.toLowerCase();
    // Python's re.split(r"\W+", value) + [value]: parts between runs of non-word characters
    for (const part of [...lower.split(/[^\p{L}\p{N}_]+/u), lower]) {
      const p = codePoints(part);
      if (exceedsMaximumLengthRatio(pw.length, p.length)) continue;
      if (quickRatio(pw, p) >= MAX_SIMILARITY) return verboseName;
    }
  }
  return undefined;
}

/** Django's shortcut: a value far shorter than the password can never reach the similarity. */
function exceedsMaximumLengthRatio(passwordLength: number, valueLength: number): boolean {
  return passwordLength >= 10 * valueLength && valueLength < (MAX_SIMILARITY / 2) * passwordLength;
}

/** difflib.SequenceMatcher(a=a, b=b).quick_ratio(): 2·(characters in common as multisets) / (len a + len b). */
export function quickRatio(a: string[], b: string[]): number {
  const available = new Map<string, number>();
  for (const ch of b) available.set(ch, (available.get(ch) ?? 0) + 1);
  let matches = 0;
  for (const ch of a) {
    const n = available.get(ch) ?? 0;
    available.set(ch, n - 1);
    if (n > 0) matches++;
  }
  const length = a.length + b.length;
  return length ? (2 * matches) / length : 1;
}

// Python counts code points, not UTF-16 units
function codePoints(s: string): string[] {
  return Array.from(s);
}
