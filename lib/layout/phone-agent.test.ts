import { describe, expect, it } from "vitest";
import { isPhoneAgent } from "./phone-agent";

const from = (h: Record<string, string>) => (name: string) => h[name] ?? null;

describe("isPhoneAgent", () => {
  it("believes Chromium's mobile client hint, and a phone's agent string over a desktop's hint", () => {
    expect(isPhoneAgent(from({ "sec-ch-ua-mobile": "?1", "user-agent": "X11; Linux x86_64" }))).toBe(true);
    expect(isPhoneAgent(from({ "sec-ch-ua-mobile": "?0", "user-agent": "X11; Linux x86_64" }))).toBe(false);
    expect(isPhoneAgent(from({ "sec-ch-ua-mobile": "?0", "user-agent": "Mobile Safari" }))).toBe(true);
  });
  it("reads the user agent without the hint", () => {
    const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    const firefoxAndroid = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";
    const ipad = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";
    const desktop = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
    expect(isPhoneAgent(from({ "user-agent": iphone }))).toBe(true);
    expect(isPhoneAgent(from({ "user-agent": firefoxAndroid }))).toBe(true);
    expect(isPhoneAgent(from({ "user-agent": ipad }))).toBe(false);
    expect(isPhoneAgent(from({ "user-agent": desktop }))).toBe(false);
    expect(isPhoneAgent(from({}))).toBe(false);
  });
});
