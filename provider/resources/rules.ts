/**
 * Building blocks of the input rules listed in docs/validation.md: IP addresses, the database password rule
 * the reference prints, and warnings — rules the reference does not state never block a user; where a real
 * platform is known to care, check() prints a warning instead (each with its reason) and goes on.
 */
import { isIP } from "node:net";
import { z } from "zod";
import { providerLog } from "../config";
import { toResource } from "../engine-log";
import { pulumiName, URN_KEY } from "./framework";

/** A non-blocking finding of check(): the field and the sentence shown (field first, like a failure). */
export interface Warning {
  property: string;
  reason: string;
}

const shown = new Set<string>();

/**
 * Shows each warning once per provider process and resource (check runs at preview and again at up): attached to
 * the resource through the engine when its URN is known, else a stderr line naming the resource.
 */
export function printWarnings(kind: string, props: Record<string, unknown>, warnings: readonly Warning[]): void {
  const shownName = pulumiName(props) ?? (typeof props.name === "string" ? props.name : "");
  const label = shownName ? `${kind} ${shownName}` : kind;
  const urn = typeof props[URN_KEY] === "string" ? String(props[URN_KEY]) : undefined;
  for (const w of warnings) {
    const key = `${urn ?? label}\0${w.reason}`;
    if (shown.has(key)) continue;
    shown.add(key);
    void toResource("warning", w.reason, urn, false, () => providerLog("warn", `${label}: ${w.reason}`));
  }
}

/** Forgets which warnings were printed (tests). */
export function resetWarnings(): void {
  shown.clear();
}

/**
 * An IP address. The reference names manage, data, service and floating IPs (4.9.2 table 4-321, 4.11.6) without
 * restricting the address family, so IPv6 is accepted as well as IPv4.
 */
export function ipAddress() {
  return z.string().refine((s) => isIP(s) !== 0, { error: "is not an IP address; use e.g. 192.168.0.10" });
}

// ---------------------------------------------------------------- database passwords

/**
 * The special characters of a database password. reference 4.4.16 `password` prints the only password rule of
 * the reference: "非字母数字字符(限定为~!@#\$%^&*()=+\ [{}];,<.>/?)". `\$` is the document's escaped `$`; `\` is in
 * the set; the blank after it is read as the `|` a table cell lost there (the emulator reads it the same way), not
 * as a space; `-` and `:` are not printed, so they are not in the set. reference 4.11.6's own example password
 * "Gauss_234" adds `_`.
 */
export const PASSWORD_SPECIALS = "~!@#$%^&*()=+\\|[{}];,<.>/?_";

/**
 * Why a database password is refused, or undefined (Instance `password`, `rdsAdminPassword`). reference 4.11.6
 * `password` says only "root密码"; reference 4.4.16 (database role passwords) states the rule applied here:
 * "最小长度: 8", "四类字符中的三类字符" and "当密码中包含的字符不属于上述四种字符范围内时语句执行会报错".
 * openGauss's own rule — a password equal (case-insensitively) to the user name or its reverse is refused — is
 * implied: `root`/`toor` are shorter than 8 and `rdsAdmin`/`nimdAsdr` have two character classes. A password
 * merely containing the user name (`MyRoot_2024x`) is valid.
 */
export function passwordProblem(pw: string, opts: { underscore?: boolean } = {}): string | undefined {
  // reference 4.4.16 password: "最小长度: 8".
  if ([...pw].length < 8) return "is shorter than 8 characters (reference 4.4.16); use at least 8";
  // `_` is not in 4.4.16's set: only the passwords 4.11.6 sets at install (root, with its example "Gauss_234", and
  // rdsAdmin) take it; the accounts of chapter 4.4 follow 4.4.16 as printed.
  if (opts.underscore === false && pw.includes("_")) {
    return 'contains _, which is not among the specials reference 4.4.16 allows ("限定为~!@#$%^&*()=+\\ [{}];,<.>/?"); use another special character';
  }
  // reference 4.4.16 password: "当密码中包含的字符不属于上述四种字符范围内时语句执行会报错".
  if ([...pw].some((ch) => !/[A-Za-z0-9]/.test(ch) && !PASSWORD_SPECIALS.includes(ch))) {
    return `contains a character outside letters, digits and ${PASSWORD_SPECIALS} (reference 4.4.16; for example -, : and spaces are not in the set); replace it`;
  }
  // reference 4.4.16 password: "至少包含大写字母(A-Z),小写字母(a-z),数字(0-9),非字母数字字符…四类字符中的三类字符".
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return "must contain three of: upper-case letters, lower-case letters, digits, special characters (reference 4.4.16); add the missing kinds";
  return undefined;
}

/** A real-world concern about a valid password that the reference does not state, or undefined. */
export function passwordWarning(pw: string): string | undefined {
  // Not in the reference (4.4.16 gives only a minimum): openGauss's password_max_length defaults to 32, so a
  // longer password is refused by a database left at its defaults.
  if ([...pw].length > 32) return "is longer than 32 characters: GaussDB refuses it while the database parameter password_max_length has its default 32";
  return undefined;
}
