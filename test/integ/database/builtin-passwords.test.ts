// BuiltinPasswords provider methods against the emulator over real HTTP (reference 4.4.8): check rules, diff,
// create/read/update/delete, and secrecy of the passwords.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestEmulator } from "../../helpers/emulator";
import { builtinPasswords, resetBuiltinPasswordOwners } from "../../../provider/resources/database/builtin-passwords";
import { resetLiveLookups } from "../../../provider/resources/live";
import { resetWarnings } from "../../../provider/resources/rules";
import { captureStderr, checked, hasPassword, sdkKeys, startWithInstance, thrown, PROVIDER } from "./account-fixtures";

let emu: TestEmulator;
let instanceId: string;

beforeAll(async () => {
  ({ emu, instanceId } = await startWithInstance());
}, 60_000);
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.control.clearFaults();
  resetLiveLookups();
  resetWarnings();
  resetBuiltinPasswordOwners();
});

describe("BuiltinPasswords (reference 4.4.8)", () => {
  const ROOT = "Root#Pass2024";
  const METRIC = "Metric#Pw2024";

  it.each([
    ["no password at all", {}, "rootPassword", /give at least one of rdsAdminPassword/],
    ["a short rdsAdmin password", { rdsAdminPassword: "Ab#1" }, "rdsAdminPassword", /^rdsAdminPassword: \[secret\] is shorter than 8/],
    ["a root password of two classes", { rootPassword: "rootrootroot1" }, "rootPassword", /must contain three of.*A\.3 DBS\.200052/],
    ["a character outside the set", { rdsReplPassword: "Repl-Pass2024" }, "rdsReplPassword", /contains a character outside/],
    ["empty instanceId", { instanceId: "", rootPassword: ROOT }, "instanceId", /is empty/],
  ])("check refuses %s", async (_t, extra, property, reason) => {
    const r = await builtinPasswords.check({}, { __provider: PROVIDER, instanceId, ...extra });
    const f = r.failures?.find((x) => x.property === property);
    expect(f?.reason, JSON.stringify(r.failures)).toMatch(reason);
  });

  it("check refuses a password that reverses the one it set before, and a second resource for the same user", async () => {
    const olds = { instanceId, rootPassword: ROOT };
    const r = await builtinPasswords.check(olds, { __provider: PROVIDER, instanceId, rootPassword: [...ROOT].reverse().join("") });
    expect(r.failures?.[0]?.reason).toMatch(/^rootPassword: \[secret\] is the password this resource set before, reversed.*DBS\.200476/);
    await checked(builtinPasswords, { instanceId, rootPassword: ROOT, ...sdkKeys("BuiltinPasswords", "a") });
    const two = await builtinPasswords.check({}, { __provider: PROVIDER, instanceId, rootPassword: ROOT, ...sdkKeys("BuiltinPasswords", "b") });
    expect(two.failures?.[0]?.reason).toMatch(/^rootPassword: the password of root of instance .* is already set by BuiltinPasswords a in this stack/);
  });

  it("diff: passwords change in place, instanceId replaces", async () => {
    const olds = { instanceId, rootPassword: ROOT };
    expect(await builtinPasswords.diff(`${instanceId}/builtin-passwords`, olds, { ...olds, rootPassword: METRIC })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(await builtinPasswords.diff(`${instanceId}/builtin-passwords`, olds, { ...olds, instanceId: "other" })).toEqual({ changes: true, replaces: ["instanceId"], deleteBeforeReplace: false });
  });

  it("sets the passwords given (create), again when changed (update); read keeps them; delete leaves them", async () => {
    const err = captureStderr();
    try {
      const inputs = await checked(builtinPasswords, { instanceId, rootPassword: ROOT, rdsMetricPassword: METRIC });
      const { id, outs } = await builtinPasswords.create(inputs);
      expect(id).toBe(`${instanceId}/builtin-passwords`);
      expect(outs).toEqual({ instanceId, rootPassword: ROOT, rdsMetricPassword: METRIC });
      expect(await hasPassword(emu, instanceId, "root", ROOT)).toBe(true);
      const r = await builtinPasswords.read(id, outs);
      expect(r.props).toEqual(outs);
      const news = await checked(builtinPasswords, { instanceId, rootPassword: "Root#Pass2025" }, outs);
      const { outs: after } = await builtinPasswords.update(id, outs, news);
      expect(after).toEqual({ instanceId, rootPassword: "Root#Pass2025" });
      expect(await hasPassword(emu, instanceId, "root", "Root#Pass2025")).toBe(true);
      // Setting a password the user already has is done, not an error (A.3 DBS.200475).
      await builtinPasswords.create(await checked(builtinPasswords, { instanceId, rootPassword: "Root#Pass2025" }));
      await builtinPasswords.delete(id, after);
      expect(await hasPassword(emu, instanceId, "root", "Root#Pass2025")).toBe(true);
      expect(err.text()).not.toMatch(/Root#Pass202|Metric#Pw/);
    } finally {
      err.stop();
    }
  });

  it("read of an instance that is gone drops it", async () => {
    expect(await builtinPasswords.read("nosuchinstancein14/builtin-passwords", { instanceId: "nosuchinstancein14", rootPassword: ROOT })).toEqual({ id: "", props: {} });
  });

  it("a refusal names the user, never the password", async () => {
    const secret = "Leak#Root2024";
    await emu.control.addFault({ method: "PUT", path: "/init-password$", status: 400, errorCode: "DBS.200052", errorMsg: `root password ${secret} is illegal`, times: 1 });
    const m = await thrown(async () => builtinPasswords.create(await checked(builtinPasswords, { instanceId, rootPassword: secret })));
    expect(m).toMatch(/setting the password of root failed: .*DBS\.200052/);
    expect(m).not.toContain(secret);
  });
});
