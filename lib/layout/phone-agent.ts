/**
 * Whether a request comes from a phone, as far as its headers tell: Chromium's
 * `Sec-CH-UA-Mobile: ?1` client hint, or "Mobi" in the User-Agent (MDN's advice: every
 * phone browser's agent string carries it, tablets' do not; a desktop Chromium whose agent
 * string was set to a phone's still sends `?0`, and the agent string wins). The server uses it to
 * render one layout of a list (cards or a table) rather than both; the browser then
 * follows its real width (components/ui/use-wide-screen.ts).
 */
export function isPhoneAgent(get: (name: string) => string | null): boolean {
  return get("sec-ch-ua-mobile") === "?1" || /Mobi/i.test(get("user-agent") ?? "");
}
