// tpops-import's names: readable, unique TypeScript variables and Pulumi resource names unique per type.
import { describe, expect, it } from "vitest";
import { camel, ResourceNames, VariableNames } from "../../provider/import/naming";

describe("camel", () => {
  it.each([
    ["orders-db", "ordersDb"],
    ["AZ1", "az1"],
    ["host-10-9-0-11", "host10_9_0_11"],
    ["app_owner", "appOwner"],
    ["brown-billing app_owner", "brownBillingAppOwner"],
    ["Health Check", "healthCheck"],
    ["MyRoom", "myRoom"],
    ["--", ""],
  ])("%s → %s", (s, want) => expect(camel(s)).toBe(want));
});

describe("VariableNames", () => {
  it("gives each object its own identifier, numbering repeats", () => {
    const v = new VariableNames();
    expect([v.take("orders", "db"), v.take("orders", "db"), v.take("orders-", "db")]).toEqual(["orders", "orders2", "orders3"]);
  });

  it("prefixes names that start with a digit or give nothing usable, and never uses a reserved word", () => {
    const v = new VariableNames();
    expect(v.take("10.0.0.1", "host")).toBe("host10_0_0_1");
    expect(v.take("***", "dc")).toBe("dc");
    expect(v.take("default", "scene")).toBe("sceneDefault");
    expect(v.take("config", "dc")).toBe("dcConfig");
    expect(v.take("tpops", "key")).toBe("keyTpops");
  });

  it("peek says what take will give without taking it", () => {
    const v = new VariableNames();
    expect(v.peek("a-b", "x")).toBe("aB");
    expect(v.peek("a-b", "x")).toBe("aB");
    expect(v.take("a-b", "x")).toBe("aB");
    expect(v.peek("a-b", "x")).toBe("aB2");
  });
});

describe("ResourceNames", () => {
  it("keeps the object's name, cleaned for a URN, unique per resource type only", () => {
    const n = new ResourceNames();
    expect(n.take("Host", "db 1/α")).toBe("db-1");
    expect(n.take("Host", "db-1")).toBe("db-1-2");
    expect(n.take("Instance", "db-1")).toBe("db-1");
    expect(n.take("Database", "ω")).toBe("database");
  });
});
