import { DbsError } from "../../errors";
import type { ApiRequest, EmulatorContext } from "../../router";
import { ensureBuiltins } from "../../domain/database/model";
import { getInstance, type GaussInstance } from "../instance/instance-model";

/** The path's instance (400 DBS.200002 when unknown), with its built-in accounts in the store. */
export function pathInstance(ctx: EmulatorContext, req: ApiRequest): GaussInstance {
  const inst = getInstance(ctx, req.params.instance_id ?? "");
  ensureBuiltins(ctx.state, inst);
  return inst;
}

/**
 * The path's instance, ready for a change to its database objects (reference 4.4.1 / 4.4.2 接口约束 "实例在创建、变更规格、
 * 修改端口、冻结、异常等状态下不能执行该操作", taken to hold for every 4.4 change: README "Database objects").
 */
export function operableInstance(ctx: EmulatorContext, req: ApiRequest): GaussInstance {
  const inst = pathInstance(ctx, req);
  // reference A.3 DBS.200019 (409) "该实例正在进行其它操作或该实例故障,无法执行该操作,请稍后重试"
  ctx.jobs.assertInstanceIdle(inst.id);
  // reference 4.4.1 接口约束 "异常" (4.11.8 FAILED "表示实例异常"); A.3 DBS.280011 "实例状态不正常"
  if (inst.status === "FAILED") throw new DbsError(400, "DBS.280011", { detail: `instance ${inst.id} is FAILED` });
  // reference 4.4.1 接口约束 "创建、变更规格、修改端口…" (any status but ACTIVE); A.3 DBS.216009 "当前实例状态不允许操作"
  if (inst.status !== "ACTIVE") throw new DbsError(400, "DBS.216009", { detail: `instance ${inst.id} is ${inst.status}; this needs ACTIVE` });
  // A.3 DBS.216011 "实例节点状态不允许操作": every database node is stopped (4.11.9), no SQL can run
  const nodes = Array.isArray(inst.nodes) ? inst.nodes : [];
  if (nodes.length > 0 && nodes.every((n) => n.status === "STOPPED")) {
    throw new DbsError(400, "DBS.216011", { detail: `every node of instance ${inst.id} is stopped; start it first (db-startup)` });
  }
  return inst;
}
