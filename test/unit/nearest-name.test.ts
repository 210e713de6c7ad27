// The "did you mean" of preview refusals (provider/resources/nearest-name.ts): edit distance with swaps, the
// nearest names within about a third of the name's length, then the names that contain it.
import { describe, expect, it } from "vitest";
import { editDistance, nearestNames } from "../../provider/resources/nearest-name";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["max_conections", "max_connections", 1],
    ["kylni", "kylin", 1], // two neighbours swapped
    ["kitten", "sitting", 3],
    ["wal_level", "wal_level", 0],
  ])("%j → %j is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("nearestNames", () => {
  const template = ["max_connections", "max_prepared_transactions", "work_mem", "maintenance_work_mem", "wal_level", "shared_buffers"];
  it("suggests the nearest by edit distance, case-insensitively", () => {
    expect(nearestNames("max_conections", template)).toEqual(["max_connections"]);
    expect(nearestNames("Wal_Levle", template)).toEqual(["wal_level"]);
    expect(nearestNames("shared_bufers", template)).toEqual(["shared_buffers"]);
  });
  it("then the names containing it, shortest first, at most three", () => {
    expect(nearestNames("connections", template)).toEqual(["max_connections"]);
    expect(nearestNames("work_mem", template)).toEqual(["work_mem", "maintenance_work_mem"]);
    expect(nearestNames("_", [...template, "a_b", "c_d"], { max: 3 })).toEqual([]);
    expect(nearestNames("max", template, { max: 1 })).toEqual(["max_connections"]);
  });
  it("suggests nothing far away", () => {
    expect(nearestNames("zzz_unheard_of", template)).toEqual([]);
    expect(nearestNames("centos", ["kylin", "uniontech"])).toEqual([]);
  });
  it("compares without a prefix both sides may carry (distributed cn:/dn: names)", () => {
    expect(nearestNames("max_conections", ["cn:max_connections", "dn:max_connections", "cn:work_mem"], { strip: /^(cn|dn):/i })).toEqual(["cn:max_connections", "dn:max_connections"]);
    expect(nearestNames("dn:wal_levl", ["cn:wal_level", "dn:wal_level"], { strip: /^(cn|dn):/i })).toEqual(["cn:wal_level", "dn:wal_level"]);
  });
});
