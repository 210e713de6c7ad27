import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DBS_CODES, codeForStatus, errorBody } from "../../emulator/errors";

const REFERENCE = "/work/shared/reference/tpops-24.1.30-api-reference.md";

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

  it.runIf(existsSync(REFERENCE))("matches table A-3 of the reference exactly (codes, statuses, Chinese text)", () => {
    const text = readFileSync(REFERENCE, "utf8");
    const section = text.slice(text.indexOf("# A.3 错误码"), text.indexOf("# A.4"));
    const rows = [...section.matchAll(/^(\d{3})\t(DBS\.\d+)\t(.+)$/gm)].map((m) => [m[2], Number(m[1]), m[3]!.trim()]);
    expect(rows.length).toBe(89);
    expect(Object.entries(DBS_CODES).map(([code, e]) => [code, e.status, e.zh.replace(/\s+/g, "")])).toEqual(rows.map(([c, s, zh]) => [c, s, String(zh).replace(/\s+/g, "")]));
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
