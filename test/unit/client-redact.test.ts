import { describe, expect, it } from "vitest";
import { TpopsApiError, TpopsError } from "../../provider/client/errors";
import { REDACTED, redact, redactPath, redactText, registerSecret } from "../../provider/client/redact";

describe("redact", () => {
  it("replaces secret-keyed fields at any depth and keeps the rest", () => {
    const out = redact({
      username: "admin",
      password: "Pa55word!",
      hosts: [{ manage_ip: "10.0.0.1", os_root_pwd: "root-secret" }],
      nested: { x_mini_token: "tok", rds_admin_password: "adm" },
    });
    expect(out).toEqual({
      username: "admin",
      password: REDACTED,
      hosts: [{ manage_ip: "10.0.0.1", os_root_pwd: REDACTED }],
      nested: { x_mini_token: REDACTED, rds_admin_password: REDACTED },
    });
  });

  it("removes key/value pairs from free text (JSON, headers, query strings)", () => {
    expect(redactText('{"password":"hunter22","name":"db"}')).toBe(`{"password":"${REDACTED}","name":"db"}`);
    expect(redactText("X-Mini-Token: abcdef123")).toBe(`X-Mini-Token: ${REDACTED}`);
    expect(redactText("a=1&os_root_pwd=s3cr3t&b=2")).toBe(`a=1&os_root_pwd=${REDACTED}&b=2`);
  });

  it("leaves paths and error codes that merely mention a token alone", () => {
    const line = "POST /v3/auth/mini-token: DBS.200029 wrong username or password";
    expect(redactText(line)).toBe(line);
    expect(redactText("Authorization: Bearer abc.def")).toBe(`Authorization: ${REDACTED}`);
  });

  it("removes registered secrets wherever they appear", () => {
    registerSecret("Very$ecretValue9");
    expect(redactText("the server said Very$ecretValue9 is wrong")).toBe(`the server said ${REDACTED} is wrong`);
  });

  it("keeps ids in paths and redacts secret query parameters", () => {
    expect(redactPath("/v3/jobs?id=abc123")).toBe("/v3/jobs?id=abc123");
    expect(redactPath("/x?token=abc123&id=7")).toBe(`/x?token=${REDACTED}&id=7`);
  });

  it("applies to every TpopsError message", () => {
    registerSecret("An0therSecret!");
    expect(new TpopsError("failed with An0therSecret!").message).toBe(`failed with ${REDACTED}`);
    const e = new TpopsApiError({ status: 400, method: "POST", path: "/p", errorCode: "DBS.200001", errorMsg: "bad password An0therSecret!" });
    expect(e.message).not.toContain("An0therSecret!");
    expect(e.errorMsg).not.toContain("An0therSecret!");
  });
});
