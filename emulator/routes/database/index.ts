import type { EmulatorContext, Router } from "../../router";
import { pruneOrphans } from "../../domain/database/model";
import { register as databases } from "./databases";
import { register as privileges } from "./privileges";
import { register as roles } from "./roles";
import { register as schemas } from "./schemas";
import { register as users } from "./users";

/**
 * Database objects (reference 4.4): databases, schemas, users, roles, privileges. Every operation is synchronous
 * (no 4.4 section answers a job_id). The objects belong to their instance: once it is gone they are dropped
 * before the next state write.
 */
export function register(r: Router, ctx: EmulatorContext): void {
  ctx.state.onTidy(pruneOrphans);
  databases(r, ctx);
  schemas(r, ctx);
  users(r, ctx);
  roles(r, ctx);
  privileges(r, ctx);
}
