// The engine stores a state through a protobuf Struct, which refuses `undefined` at any depth: storable() leaves
// such fields out and keeps everything else as it is.
import { describe, expect, it } from "vitest";
import { storable } from "../../provider/resources/framework";

describe("storable", () => {
  it("drops undefined fields and list entries at every depth, and keeps null, false, 0 and empty values", () => {
    const out = storable({ a: undefined, b: null, c: false, d: 0, e: "", f: [1, undefined, { g: undefined, h: 2 }], i: { j: { k: undefined, l: [] } } });
    expect(out).toEqual({ b: null, c: false, d: 0, e: "", f: [1, { h: 2 }], i: { j: { l: [] } } });
    expect(Object.keys(out.i.j)).toEqual(["l"]);
  });
});
