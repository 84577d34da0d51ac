import { describe, expect, it } from "vitest";
import { api } from "../api";

describe("harness", () => {
  it("lists an empty history", async () => {
    const r = await api("GET", "/api/job/job/");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});
