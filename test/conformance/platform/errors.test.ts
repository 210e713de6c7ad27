import { describe, expect, it } from "vitest";
import { DBS_CODES, ERROR_MSG_MAX, codeForStatus, errorBody } from "../../../emulator/errors";
import { REFERENCE_A3 } from "../reference-a3";

describe("appendix A.3 error codes", () => {
  it("has an English and a Chinese message and an A.2 status for every code", () => {
    expect(Object.keys(DBS_CODES)).toHaveLength(89);
    for (const [code, e] of Object.entries(DBS_CODES)) {
      expect(code).toMatch(/^DBS\.\d+$/);
      expect([400, 409, 500]).toContain(e.status);
      expect(e.en).toMatch(/^[A-Z].*\.$/);
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("matches table A-3 of the reference exactly (codes, order, statuses, Chinese text; transcript in reference-a3.ts)", () => {
    expect(REFERENCE_A3).toHaveLength(89);
    const squash = (t: string) => t.replace(/\s+/g, "");
    expect(Object.entries(DBS_CODES).map(([code, e]) => [code, e.status, squash(e.zh)])).toEqual(REFERENCE_A3.map(([status, code, zh]) => [code, status, squash(zh)]));
  });

  it("keeps error_msg within 512 characters (reference 4.17.1 table 4-661 \"最大长度: 512\")", () => {
    const long = errorBody("DBS.280001", "en-us", { field: "x", detail: "y".repeat(2000) });
    expect([...long.error_msg]).toHaveLength(ERROR_MSG_MAX);
    expect(long.error_msg.endsWith("…")).toBe(true);
  });

  it.each([
    ["DBS.06025030", "en-us", {}, "The selected data center contains hosts."],
    ["DBS.06025030", "zh-cn", {}, "所选机房下存在主机。"],
    ["DBS.280001", "en-us", { field: "hosts[0].name", detail: "too long" }, "Invalid parameter. (hosts[0].name: too long)"],
  ] as const)("errorBody(%s, %s)", (code, lang, info, msg) => {
    expect(errorBody(code, lang, info)).toEqual({ error_code: code, error_msg: msg });
  });

  it.each([
    [409, "DBS.200019"],
    [401, "DBS.00110006"],
    [404, "DBS.200044"],
    [429, "DBS.280001"],
    [500, "DBS.280005"],
    [503, "DBS.280005"],
  ])("codeForStatus(%d) = %s", (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
