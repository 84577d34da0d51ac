import { describe, expect, it } from "vitest";
import { clientAddress, isHttps, siteOrigin } from "./client-address";

const request = (headers: Record<string, string>, url = "http://127.0.0.1:3000/api/auth/login/") => new Request(url, { headers });
const none = { trustProxy: 0, publicUrl: undefined };

describe("clientAddress", () => {
  it("ignores X-Forwarded-For and X-Real-IP without TRUST_PROXY (only the socket can tell)", () => {
    expect(clientAddress(request({ "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" }), none)).toBe("");
  });

  it("behind TRUST_PROXY=n proxies takes the n-th X-Forwarded-For entry from the end, as DRF's NUM_PROXIES", () => {
    const forwarded = request({ "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.2" });
    expect(clientAddress(forwarded, { ...none, trustProxy: 1 })).toBe("10.0.0.2");
    expect(clientAddress(forwarded, { ...none, trustProxy: 2 })).toBe("198.51.100.7");
    // more proxies than entries: the first entry
    expect(clientAddress(forwarded, { ...none, trustProxy: 5 })).toBe("203.0.113.66");
    expect(clientAddress(request({ "x-forwarded-for": " 198.51.100.9 " }), { ...none, trustProxy: 1 })).toBe("198.51.100.9");
  });
});

describe("siteOrigin", () => {
  it("is PUBLIC_URL when set, whatever the request says", () => {
    const r = request({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
    expect(siteOrigin(r, { trustProxy: 1, publicUrl: "https://ops.example.com" })).toBe("https://ops.example.com");
    expect(isHttps(r, { trustProxy: 0, publicUrl: "https://ops.example.com" })).toBe(true);
  });

  it("without TRUST_PROXY is the Host header on the connection's scheme; X-Forwarded-Host and -Proto are ignored", () => {
    const r = request({ host: "ops.example.com:8080", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(siteOrigin(r, none)).toBe("http://ops.example.com:8080");
    expect(isHttps(r, none)).toBe(false);
    // a default port is no part of an origin
    expect(siteOrigin(request({ host: "ops.example.com:80" }), none)).toBe("http://ops.example.com");
  });

  it("behind a trusted proxy takes the first X-Forwarded-Proto and X-Forwarded-Host entries", () => {
    const r = request({ host: "127.0.0.1:3000", "x-forwarded-host": "ops.example.com", "x-forwarded-proto": "https, http" });
    expect(siteOrigin(r, { ...none, trustProxy: 1 })).toBe("https://ops.example.com");
    expect(isHttps(r, { ...none, trustProxy: 1 })).toBe(true);
    expect(siteOrigin(request({ host: "ops.example.com" }), { ...none, trustProxy: 1 })).toBe("http://ops.example.com");
  });

  it("is no origin a browser can send when the Host header is not a host", () => {
    expect(siteOrigin(request({ host: "a b" }), none)).toBe("http://invalid.invalid");
  });
});
