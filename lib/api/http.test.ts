import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fetchJson, ResponseShapeError } from "./http";

const answer = (body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));

afterEach(() => vi.unstubAllGlobals());

describe("fetchJson", () => {
  const Record = z.object({ id: z.number().int(), name: z.string() });

  it("checks the answer with a schema it loads when the answer is in", async () => {
    vi.stubGlobal("fetch", answer({ id: 7, name: "部署", extra: true }));
    const load = vi.fn(async () => Record);
    expect(await fetchJson("/api/x/", {}, load)).toEqual({ id: 7, name: "部署" });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("refuses an answer that does not match a loaded schema, as it does a given one", async () => {
    vi.stubGlobal("fetch", answer({ id: "7", name: "部署" }));
    await expect(fetchJson("/api/x/", {}, async () => Record)).rejects.toThrow(ResponseShapeError);
    await expect(fetchJson("/api/x/", {}, Record)).rejects.toThrow(/^\/api\/x\/: id /);
  });
});
