// An application team's database objects inside an instance that another stack (the platform team's) runs:
// a database and a schema (owned by root: TPOPS has no API that drops them, and a user that owns objects cannot
// be dropped either, so a stack-owned owner would block destroy), a migration user that may create in the
// schema, a login-only user for the service, a read-only role for reporting, and the privileges that tie them
// together. Passwords come from secret stack config.
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

const config = new pulumi.Config();
const instanceId = config.require("instanceId");
// The platform team's instance, read (not managed) so the program fails early if it does not exist.
const instance = tpops.Instance.get("platform-instance", instanceId);

const migrator = new tpops.DbUser("orders-migrator", {
  instanceId,
  name: "orders_migrator",
  password: config.requireSecret("migratorPassword"),
  loginOnly: false,
});
const app = new tpops.DbUser("orders-app", {
  instanceId,
  name: "orders_app",
  password: config.requireSecret("appPassword"),
  loginOnly: true,
});
const readers = new tpops.DbRole("orders-readers", {
  instanceId,
  name: "orders_readers",
  password: config.requireSecret("readerPassword"),
});

const db = new tpops.Database("orders", { instanceId, name: "orders" });
const schema = new tpops.Schema("orders-app-schema", { instanceId, database: db.name, name: "app", owner: "root" });

const tables = ["orders", "order_items"];
// Migrations create and change the tables.
new tpops.Privileges("migrator-schema", {
  instanceId,
  grantee: migrator.name,
  scope: "schema",
  database: db.name,
  schema: schema.name,
  privileges: ["CREATE", "USAGE"],
});
// The service may use the schema and work on its tables; what it may do there is configurable.
new tpops.Privileges("app-schema-usage", {
  instanceId,
  grantee: app.name,
  scope: "schema",
  database: db.name,
  schema: schema.name,
  privileges: ["USAGE"],
});
new tpops.Privileges("app-tables", {
  instanceId,
  grantee: app.name,
  scope: "table",
  database: db.name,
  schema: schema.name,
  objects: tables,
  privileges: (config.get("appTablePrivileges") ?? "SELECT,INSERT,UPDATE").split(",").map((x) => x.trim()),
});
// Reporting reads everything through the role.
new tpops.Privileges("readers-tables", {
  instanceId,
  grantee: readers.name,
  scope: "table",
  database: db.name,
  schema: schema.name,
  objects: tables,
  privileges: ["SELECT"],
});
new tpops.DbRoleMembership("app-reads", { instanceId, role: readers.name, member: app.name });

export const instanceName = instance.name;
export const database = db.name;
export const appUser = app.name;
