// A DBA's daily operations on one GaussDB instance, as code that is reviewed and kept in history instead of
// console clicks: throttling of heavy report queries and of sessions under load, a SQL patch that pins a plan
// hint to one slow statement, a weekly inspection with its own scene, WDR snapshots, enrolment in intelligent
// O&M, and the instance's labels. The instance itself belongs to another stack (the platform team's).
import * as pulumi from "@pulumi/pulumi";
import * as tpops from "pulumi-tpops";

const config = new pulumi.Config();
const instanceId = config.require("instanceId");
// Read (not managed), so the program fails early if the instance does not exist, and to find its nodes.
const instance = tpops.Instance.get("orders-instance", instanceId);

// ---- SQL throttling (reference 4.7.1): SELECTs naming the reporting tables run at most 4 at a time during the
// window; and while CPU or memory is above 85 %, at most 50 active sessions.
new tpops.SqlThrottlingTask("report-selects", {
  instanceId,
  taskScope: "SQL",
  limitType: "SQL_TYPE",
  limitTypeValue: "select",
  keyWords: ["orders_report", "monthly_totals"],
  databases: ["orders"],
  parallelSize: 4,
  startTime: config.require("reportThrottleStart"),
  endTime: config.require("reportThrottleEnd"),
});
new tpops.SqlThrottlingTask("busy-sessions", {
  instanceId,
  taskScope: "SESSION",
  limitType: "SESSION_ACTIVE_MAX_COUNT",
  limitTypeValue: "CPU_OR_MEMORY",
  cpuUtilization: 85,
  memoryUtilization: 85,
  parallelSize: 50,
});

// ---- A SQL patch (reference 4.6.4–4.6.6) on the first node: `pulumi config set patchEnabled false` switches it
// off in place, keeping it for later.
new tpops.SqlPatch("orders-by-customer", {
  instanceId,
  nodeId: instance.nodes.apply((nodes) => {
    const first = nodes?.[0]?.id;
    if (!first) throw new Error(`instance ${instanceId} has no nodes`);
    return first;
  }),
  sqlId: config.require("slowSqlId"),
  hint: config.get("patchHint") ?? "indexscan(orders)",
  enabled: config.getBoolean("patchEnabled") ?? true,
});

// ---- A weekly inspection (reference 4.10.2, 4.10.13): its own scene of five items, every Monday at 01:00.
const scene = new tpops.InspectionScene("orders-weekly-scene", {
  itemIds: [
    "ae348ee4-5139-4777-8808-d68791549de3", // 实例状态: instance and node status
    "ad1b4bf5-7be8-4708-a10e-bee6a89f35fe", // 主备同步: primary/standby replication
    "12526548-a4ea-478b-b1bd-1dc2ff83cb5a", // 长事务: transactions open over 12 hours
    "b3dab237-c5e4-40da-8174-71182898a359", // 锁等待: sessions waiting for locks
    "37b40377-47e6-4392-9748-a567c5d068aa", // 慢SQL: statements over the time threshold
  ],
});
new tpops.InspectionTask("orders-weekly", {
  instanceIds: [instanceId],
  scene: scene.name, // the task takes the scene's items, and is destroyed before the scene
  policy: "periodic",
  period: "weekly",
  day: 1, // Monday
  scope: "weekly",
  time: "01:00:00",
});

// ---- Instance switches and labels.
// WDR snapshots (reference 4.5.8): the kernel takes one every hour, for performance reports.
new tpops.WdrSnapshots("orders-wdr", { instanceId, enabled: true });
// Intelligent O&M (reference 4.6.1): the DBMind instance `dbAssistId` watches this one.
new tpops.IntelligentOps("orders-dbmind", { instanceId, dbAssistId: config.require("dbAssistId") });
// Labels (reference 4.11.1, extension information): who owns the instance, and where to page.
new tpops.InstanceLabels("orders-labels", {
  instanceId,
  labels: { team: config.get("team") ?? "orders", "on-call": "dba-oncall@example.com", tier: "gold" },
});

export const instanceName = instance.name;
export const inspectionScene = scene.name;
