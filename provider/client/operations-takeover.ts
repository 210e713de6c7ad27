/**
 * The API calls of taking over a database installed outside TPOPS: reference 4.11.12 (check that the hosts can be
 * managed as an instance) and 4.11.13 (manage them as an instance): the `takeover` section of `ops`.
 *
 * Like operations-database.ts, the section is built by a function operations.ts calls while it builds `ops` (op()
 * comes from there), never at this module's top level; the rest of the provider reaches it through `ops`.
 */
import { z } from "zod";
import { op } from "./operations";

/** 4.11.12 table 4-546 HostStatusInfo. */
function hostStatusSchema() {
  return z.looseObject({
    host_name: z.string().nullish(),
    manage_ip: z.string(),
    // reference 4.11.12 is_online "在线状态" (its example prints "added")
    is_online: z.string().nullish(),
    host_type: z.string().nullish(),
  });
}
/** One host of a database 4.11.12 checked. */
export type HostStatusInfo = z.output<ReturnType<typeof hostStatusSchema>>;

/** Body of 4.11.13 (tables 4-549, 4-550). */
export interface ManageInstanceRequest {
  instance_name: string;
  manage_ip_list: string[];
  manage_user: string;
  manage_userpass: string;
  storage_device: { device_id: string; device_directory: string; real_path: string; is_manually_mount: boolean };
}

/** The `takeover` section of `ops`. */
export function takeoverOperations() {
  return {
    takeover: {
      // A check that changes nothing.
      checkHosts: op<undefined, { manage_ip: string | null }>()({
        id: "takeover.checkHosts",
        ref: "4.11.12",
        method: "POST",
        path: "/v3/instances/management/check-hosts-manageable",
        idempotent: true,
        response: z.looseObject({ host_status_info: z.array(hostStatusSchema()).nullish() }),
      }),
      // Makes an instance: a lost reply is decided by the instance name (createIdempotently), never replayed blindly.
      manage: op<undefined, ManageInstanceRequest>()({
        id: "takeover.manage",
        ref: "4.11.13",
        method: "POST",
        path: "/v3/instances/management",
        idempotent: false,
        response: z.looseObject({ instance_id: z.string(), job_id: z.string() }),
      }),
    },
  };
}
