/** Lookup of the SQL templates a node ran: getSqlTemplates (reference 4.7.4), for SQL_ID SqlThrottlingTasks. */
import { z } from "zod";
import { ops } from "../../client";
import type { GetSqlTemplatesResult } from "../../resources/schema.gen";
import { defineLookup } from "../framework";

export const getSqlTemplates = defineLookup({
  name: "getSqlTemplates",
  inputs: z.strictObject({
    // reference 4.7.4 table 4-289 instance_id "是 String 实例ID"
    instanceId: z.string().min(1, { error: "is empty; give the instance id" }),
    // reference 4.7.4 table 4-290 node_id "是 String 节点ID"
    nodeId: z.string().min(1, { error: "is empty; give the id of a node of the instance" }),
    // reference 4.7.4 sql_model "仅支持英文字母大小写,下划线,数字和$*?=+空格; ()><,."字符"
    sqlModel: z
      .string()
      .regex(/^[A-Za-z0-9_$*?=+ ;()><,."]*$/, { error: 'holds a character reference 4.7.4 does not allow; use letters, digits, blanks and _$*?=+;()><,."' })
      .optional(),
  }),
  async run(client, a): Promise<GetSqlTemplatesResult> {
    const templates = await client.listAll(ops.sqlLimitTasks.templates, {
      path: { instance_id: a.instanceId },
      query: { node_id: a.nodeId, ...(a.sqlModel !== undefined ? { sql_model: a.sqlModel } : {}) },
    });
    return { templates: templates.map((t) => ({ sqlId: t.sql_id, sqlModel: t.sql_model })) };
  },
});
