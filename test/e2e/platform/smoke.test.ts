// Proves the engine toolchain: the real `pulumi` CLI, our language host and @pulumi/pulumi's
// dynamic-provider process bring a dynamic resource up, detect a change, and destroy it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TestProject } from "../../helpers/pulumi";

const fixture = join(__dirname, "../fixtures/smoke");

describe("engine toolchain smoke", () => {
  let project: TestProject;
  beforeAll(async () => {
    project = await TestProject.create("smoke", {
      "Pulumi.yaml": await readFile(join(fixture, "Pulumi.yaml"), "utf8"),
      "index.ts": await readFile(join(fixture, "index.ts"), "utf8"),
    });
    await project.setConfig("message", "hello");
  });
  afterAll(async () => {
    await project?.dispose();
  });

  it("brings the dynamic resource up with the real engine", async () => {
    const up = await project.up();
    expect(up.stderr + up.stdout).toContain("created");
    expect(up.code).toBe(0);
    expect(await project.outputs()).toEqual({ id: "echo-hello", length: 5, echoed: "hello" });
  });

  it("reports no changes for the same program", async () => {
    const preview = await project.preview(["--expect-no-changes"]);
    expect(preview.code).toBe(0);
  });

  it("fails --expect-no-changes when an input changed", async () => {
    await project.setConfig("message", "goodbye");
    const preview = await project.preview(["--expect-no-changes"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout).toContain("replace");
  });

  it("destroys the stack", async () => {
    const destroy = await project.destroy();
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toMatch(/deleted/);
    const state = JSON.parse(await project.exportState()) as { deployment: { resources?: unknown[] } };
    expect(state.deployment.resources ?? []).toHaveLength(0);
  });
});
