import { describe, expect, it } from "vitest";
import { queuePlaceOf, type QueueCounts } from "./queue-place";

const none: QueueCounts = { templateCap: null, templateHeld: 0, templateAhead: 0, inventoryCap: null, inventoryHeld: 0, inventoryAhead: 0 };

describe("queuePlaceOf", () => {
  it("a full template: the place among its queued jobs", () => {
    expect(queuePlaceOf({ ...none, templateCap: 1, templateHeld: 1, templateAhead: 2 })).toEqual({ queuePosition: 3, queueReason: "template", queueLimit: 1 });
  });

  it("a template with room and a full inventory: the inventory's queue", () => {
    const counts = { ...none, templateCap: 2, templateHeld: 1, templateAhead: 0, inventoryCap: 2, inventoryHeld: 2, inventoryAhead: 4 };
    expect(queuePlaceOf(counts)).toEqual({ queuePosition: 5, queueReason: "inventory", queueLimit: 2 });
  });

  it("both full: the template's, named first", () => {
    const counts = { ...none, templateCap: 1, templateHeld: 1, templateAhead: 0, inventoryCap: 1, inventoryHeld: 1, inventoryAhead: 3 };
    expect(queuePlaceOf(counts).queueReason).toBe("template");
  });

  it("a slot just freed: the limit it has, about to start", () => {
    expect(queuePlaceOf({ ...none, inventoryCap: 3, inventoryHeld: 2 })).toEqual({ queuePosition: 1, queueReason: "inventory", queueLimit: 3 });
  });

  it("no limit: no place", () => {
    expect(queuePlaceOf(none)).toEqual({ queuePosition: null, queueReason: null, queueLimit: null });
  });
});
