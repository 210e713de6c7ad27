/** Response languages selected by the `X-Language` request header (reference 4.x headers; default en-us). */
export type Lang = "en-us" | "zh-cn";

/** One DBS error code of appendix A.3 with its HTTP status and messages. */
export interface DbsCode {
  readonly status: number;
  readonly en: string;
  readonly zh: string;
}

// Appendix A.3 (table A-3), in the reference's order; the English text is our translation.
/** The DBS error codes of the reference's appendix A.3. */
export const DBS_CODES: Readonly<Record<string, DbsCode>> = {
  "DBS.00100001": { status: 400, zh: "告警模板数量超过最大值。", en: "The number of alarm templates exceeds the maximum." },
  "DBS.00100002": { status: 400, zh: "告警模板名称已存在。", en: "The alarm template name already exists." },
  "DBS.00100003": { status: 400, zh: "告警模版查询参数错误。", en: "Invalid alarm template query parameter." },
  "DBS.00100004": { status: 400, zh: "使用中的告警模板不能删除。", en: "An alarm template in use cannot be deleted." },
  "DBS.00100005": { status: 400, zh: "告警阈值应按照告警级别降序。", en: "Alarm thresholds must descend with the alarm severity." },
  "DBS.00100006": { status: 400, zh: "告警日志下载数量超出限制。", en: "The number of alarm logs to download exceeds the limit." },
  "DBS.00100007": { status: 400, zh: "告警查询参数错误。", en: "Invalid alarm query parameter." },
  "DBS.00110006": { status: 400, zh: "无效的访问。", en: "Invalid access." },
  "DBS.00110007": { status: 400, zh: "没有执行此操作的权限。", en: "No permission to perform this operation." },
  "DBS.05000008": { status: 400, zh: "当前实例源版本与目标版本相同,不需要升级。", en: "The instance already runs the target version; no upgrade is needed." },
  "DBS.06013001": { status: 400, zh: "wdr快照采集类型非法。", en: "Invalid WDR snapshot collection type." },
  "DBS.06013002": { status: 400, zh: "灾备实例不支持该操作。", en: "This operation is not supported on a DR instance." },
  "DBS.06013003": { status: 400, zh: "wdr快照采集失败。", en: "WDR snapshot collection failed." },
  "DBS.06013004": { status: 400, zh: "wdr快照开关处于关闭状态。", en: "The WDR snapshot switch is off." },
  "DBS.06025010": { status: 400, zh: "所选主机数量有误。", en: "The number of selected hosts is invalid." },
  "DBS.06025011": { status: 400, zh: "所选主机操作系统不一致。", en: "The selected hosts have different operating systems." },
  "DBS.06025012": { status: 400, zh: "所选主机类型不一致。", en: "The selected hosts have different host types." },
  "DBS.06025013": { status: 400, zh: "所选主机的异构属性不一致。", en: "The selected hosts have different heterogeneous attributes." },
  "DBS.06025014": { status: 400, zh: "所选主机的CPU厂商不一致。", en: "The selected hosts have different CPU vendors." },
  "DBS.06025015": { status: 400, zh: "所选主机已被占用。", en: "The selected host is already in use." },
  "DBS.06025016": { status: 400, zh: "当前实例Agent源版本和目标版本一致,无需升级。", en: "The instance agent already runs the target version; no upgrade is needed." },
  "DBS.06025017": { status: 400, zh: "Agent升级失败,请检查实例和节点状态后重试。", en: "Agent upgrade failed. Check the instance and node status and try again." },
  "DBS.06025024": { status: 400, zh: "所选主机或者机房名字长度不合法。", en: "The host or data center name length is invalid." },
  "DBS.06025025": { status: 400, zh: "所选主机或者机房描述长度不合法。", en: "The host or data center description length is invalid." },
  "DBS.06025026": { status: 400, zh: "所选主机SSH端口号不合法。", en: "The host SSH port is invalid." },
  "DBS.06025027": { status: 400, zh: "批量添加主机存在重复。", en: "Duplicate hosts in the batch add." },
  "DBS.06025028": { status: 400, zh: "所选主机不支持修改。", en: "The selected host cannot be modified." },
  "DBS.06025029": { status: 400, zh: "所选主机不支持删除。", en: "The selected host cannot be deleted." },
  "DBS.06025030": { status: 400, zh: "所选机房下存在主机。", en: "The selected data center contains hosts." },
  "DBS.06025031": { status: 400, zh: "所选主机不存在。", en: "The selected host does not exist." },
  "DBS.06025043": { status: 400, zh: "网卡映射失败。", en: "NIC mapping failed." },
  "DBS.06025044": { status: 400, zh: "主机上线异常。", en: "Host onboarding failed." },
  "DBS.06025046": { status: 400, zh: "所选主机磁盘类型不一致。", en: "The selected hosts have different disk types." },
  "DBS.06025047": { status: 400, zh: "该主机已在其他平台上线。", en: "The host is already onboarded on another platform." },
  "DBS.06025048": { status: 400, zh: "下载agent安装包失败。", en: "Failed to download the agent installation package." },
  "DBS.06025058": { status: 400, zh: "所选机房不存在。", en: "The selected data center does not exist." },
  "DBS.06025059": { status: 400, zh: "所选机房已存在。", en: "The selected data center already exists." },
  "DBS.06025060": { status: 400, zh: "所选机房不支持修改。", en: "The selected data center cannot be modified." },
  "DBS.06025061": { status: 400, zh: "主机标准化检查未通过。", en: "The host failed the standardization check." },
  "DBS.06025062": { status: 400, zh: "主机网络连接失败。", en: "Host network connection failed." },
  "DBS.06025063": { status: 400, zh: "主机SSH连接失败,检查密码或sshd配置。", en: "Host SSH connection failed. Check the password or the sshd configuration." },
  "DBS.06025064": { status: 400, zh: "主机安装Agent失败。", en: "Failed to install the agent on the host." },
  "DBS.06025067": { status: 400, zh: "请检查安装实例的azName是否和机房名称相同。", en: "Check that the instance azName matches the data center name." },
  "DBS.06280028": { status: 400, zh: "智能运维实例可纳管数量达到最大限制。", en: "The number of instances managed by intelligent O&M has reached the limit." },
  "DBS.200001": { status: 400, zh: "参数错误。", en: "Invalid parameter." },
  "DBS.200002": { status: 400, zh: "实例不存在。", en: "The instance does not exist." },
  "DBS.200006": { status: 400, zh: "请求体为空。", en: "The request body is empty." },
  "DBS.200021": { status: 400, zh: "实例名非法。", en: "Invalid instance name." },
  "DBS.200025": { status: 400, zh: "可用区取值非法。", en: "Invalid availability zone." },
  "DBS.200029": { status: 400, zh: "用户名或密码错误。", en: "Incorrect username or password." },
  "DBS.200044": { status: 400, zh: "访问资源不存在,或者无访问权限。", en: "The resource does not exist or you have no access to it." },
  "DBS.200052": { status: 400, zh: "数据库root密码非法。", en: "Invalid database root password." },
  "DBS.200062": { status: 400, zh: "用户名不符合规则或是为数据库管理账号。", en: "The username violates the rules or is a database administrator account." },
  "DBS.200068": { status: 400, zh: "这是一个弱密码,请输入一个强度大一些的密码。", en: "This password is weak. Enter a stronger password." },
  "DBS.200079": { status: 400, zh: "当前实例异常,无法主备倒换。", en: "The instance is abnormal; a switchover is not possible." },
  "DBS.200602": { status: 400, zh: "实例不存在。", en: "The instance does not exist." },
  "DBS.200751": { status: 400, zh: "备份文件不存在。", en: "The backup file does not exist." },
  "DBS.200818": { status: 400, zh: "删除数据库用户失败。", en: "Failed to delete the database user." },
  "DBS.200821": { status: 400, zh: "修改数据库用户权限失败。", en: "Failed to change the database user's privileges." },
  "DBS.200824": { status: 400, zh: "数据库账户不存在。", en: "The database account does not exist." },
  "DBS.200856": { status: 400, zh: "数据库引擎版本不支持。", en: "The database engine version is not supported." },
  "DBS.201218": { status: 400, zh: "不是手动备份文件。", en: "Not a manual backup file." },
  "DBS.216009": { status: 400, zh: "当前实例状态不允许操作。", en: "The instance status does not allow this operation." },
  "DBS.216011": { status: 400, zh: "实例节点状态不允许操作。", en: "The instance node status does not allow this operation." },
  "DBS.216030": { status: 400, zh: "当前节点不属于实例。", en: "The node does not belong to the instance." },
  "DBS.280001": { status: 400, zh: "参数错误。", en: "Invalid parameter." },
  "DBS.280011": { status: 400, zh: "实例状态不正常。", en: "The instance status is abnormal." },
  "DBS.280012": { status: 400, zh: "当前实例正处于其他操作中,无法升级。", en: "The instance is busy with another operation and cannot be upgraded." },
  "DBS.280125": { status: 400, zh: "非法的备份策略。", en: "Invalid backup policy." },
  "DBS.280236": { status: 400, zh: "数据库引擎版本非法。", en: "Invalid database engine version." },
  "DBS.280404": { status: 400, zh: "实例ID不合法。", en: "Invalid instance ID." },
  "DBS.280439": { status: 400, zh: "无效的查询记录数,请输入小于等于100的正整数。", en: "Invalid number of records to query. Enter a positive integer no greater than 100." },
  "DBS.280657": { status: 400, zh: "非法的升级参数,请检查升级类型和升级方式。", en: "Invalid upgrade parameters. Check the upgrade type and mode." },
  "DBS.280658": { status: 400, zh: "非法的灰度升级可用区取值,请检查传参。", en: "Invalid gray-upgrade availability zone. Check the parameters." },
  "DBS.280659": { status: 400, zh: "非法的灰度升级分片数,请检查传参。", en: "Invalid gray-upgrade shard count. Check the parameters." },
  "DBS.280660": { status: 400, zh: "实例灰度升级校验失败,请检查实例状态。", en: "Gray-upgrade check failed. Check the instance status." },
  "DBS.301147": { status: 400, zh: "启动节点不满足多数派。", en: "The nodes to start do not form a majority." },
  "DBS.6013005": { status: 400, zh: "正常AZ数量大于1。", en: "More than one AZ is normal." },
  "DBS.6013035": { status: 400, zh: "Patch名称重复。", en: "Duplicate patch name." },
  "DBS.6013036": { status: 400, zh: "无效的patch名称。", en: "Invalid patch name." },
  "DBS.6013037": { status: 400, zh: "无效的hint。", en: "Invalid hint." },
  "DBS.6013038": { status: 400, zh: "SQL patch 错误。", en: "SQL patch error." },
  "DBS.6025033": { status: 400, zh: "AZ故障操作类型错误。", en: "Invalid AZ fault operation type." },
  "DBS.6025117": { status: 400, zh: "数据库用户密码非法。", en: "Invalid database user password." },
  "DBS.200475": { status: 400, zh: "新密码不能与旧密码相同。", en: "The new password cannot be the same as the old password." },
  "DBS.200476": { status: 400, zh: "新密码不能与旧密码倒序相同。", en: "The new password cannot be the old password reversed." },
  "DBS.200019": { status: 409, zh: "该实例正在进行其它操作或该实例故障,无法执行该操作,请稍后重试。", en: "The instance is busy with another operation or is faulty. Try again later." },
  "DBS.201202": { status: 409, zh: "该实例正在进行其它操作或该实例故障,无法执行该操作,请稍后重试。", en: "The instance is busy with another operation or is faulty. Try again later." },
  "DBS.280005": { status: 500, zh: "服务器错误。", en: "Server error." },
};

/** An API error answered as `{"error_code","error_msg"}`; `detail` (English, names the field) is appended to the message. */
export class DbsError extends Error {
  override readonly name = "DbsError";
  /** Throw `new DbsError(400, "DBS.280001", { field: "name", detail: "must be at most 20 characters" })`. */
  constructor(
    readonly status: number,
    readonly code: string,
    readonly info: { field?: string; detail?: string } = {},
  ) {
    super(`${code}${info.field ? ` ${info.field}` : ""}${info.detail ? `: ${info.detail}` : ""}`);
  }
}

/** Shorthand for a 400 DBS.280001 (invalid parameter) naming the field and the rule broken. */
export function invalidParam(field: string, detail: string, code = "DBS.280001"): DbsError {
  return new DbsError(400, code, { field, detail });
}

/** The error body for a code in a language: the table message plus the field detail, if any. */
export function errorBody(
  code: string,
  lang: Lang,
  info: { field?: string; detail?: string } = {},
): { error_code: string; error_msg: string } {
  const entry = DBS_CODES[code];
  const base = entry ? (lang === "zh-cn" ? entry.zh : entry.en) : code;
  const extra = [info.field, info.detail].filter(Boolean).join(": ");
  const msg = extra ? `${base} (${extra})` : base;
  // reference 4.17.1 (and 4.3.x, 4.4.x) error_msg "最大长度: 512"
  return { error_code: code, error_msg: [...msg].length > ERROR_MSG_MAX ? `${[...msg].slice(0, ERROR_MSG_MAX - 1).join("")}…` : msg };
}

/** Longest `error_msg` the reference allows (4.17.1 table 4-661 "最大长度: 512"). */
export const ERROR_MSG_MAX = 512;

/** The DBS code the emulator uses for a bare HTTP status (faults without an errorCode, framework errors). */
export function codeForStatus(status: number): string {
  if (status === 409) return "DBS.200019";
  if (status === 401 || status === 403) return "DBS.00110006";
  if (status === 404 || status === 405) return "DBS.200044";
  if (status >= 400 && status < 500) return "DBS.280001";
  return "DBS.280005";
}
