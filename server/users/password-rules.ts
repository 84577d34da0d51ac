import { authMessages } from "../auth/messages";
import { MIN_PASSWORD_LENGTH } from "../auth/passwords";

/** What a new password must satisfy; the messages, or none. */
export function passwordProblems(password: string, username: string): string[] {
  const out: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) out.push(authMessages.passwordTooShort(MIN_PASSWORD_LENGTH));
  if (password.toLowerCase() === username.toLowerCase()) out.push(authMessages.passwordTooCommon);
  return out;
}
