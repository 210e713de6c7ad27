/**
 * Times of the backup API. The platform writes and reads backup times as `yyyy-mm-ddThh:mm:ssZ` where Z is an offset
 * such as +0800 (reference 4.2.15 begin_time "其中,T指某个时间的开始;Z指时区偏移量,例如北京时间偏移显示为+0800"),
 * restore points as UNIX epoch milliseconds in a string (4.2.9 restore_time "UNIX时间戳格式,单位是毫秒,时区是UTC";
 * 4.11.7's example "1710138043000"), and restorable periods as epoch-millisecond numbers (4.2.11 table 4-45). Programs
 * use ISO 8601; these convert between the two.
 */
import { z } from "zod";

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch milliseconds of an ISO 8601 time with a zone, or of a string of epoch milliseconds; undefined if neither. */
export function parseTime(raw: string): number | undefined {
  const t = raw.trim();
  if (/^\d{1,15}$/.test(t)) return Number(t);
  const m = ISO.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = "0", ms = "0", zone = "Z"] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, "0")));
  const back = new Date(utc);
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (zone.toUpperCase() === "Z") return utc;
  const z2 = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!z2) return undefined;
  const offset = (Number(z2[2]) * 60 + Number(z2[3])) * 60_000 * (z2[1] === "+" ? 1 : -1);
  return utc - offset;
}

/** ISO 8601 UTC without milliseconds when they are zero: `2026-12-01T02:30:00Z`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

/** The platform's backup-time form, UTC: `2026-12-01T02:30:00+0000` (reference 4.2.15 begin_time). */
export function apiTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");
}

/** ISO 8601 UTC of a time the platform wrote (`…+0800`), or the text as given when it is not a time. */
export function fromApiTime(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw === "") return undefined;
  const ms = parseTime(raw);
  return ms === undefined ? raw : isoTime(ms);
}

/** The UTC date `yyyy-mm-dd` of a time (reference 4.2.11 date "为yyyy-mm-dd字符串格式,时区为UTC"). */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** An ISO 8601 time with a zone, or epoch milliseconds (the schema form of restore times). */
export function timeInput() {
  return z.string().refine((s) => parseTime(s) !== undefined, {
    error: "is not a time; write ISO 8601 with a zone (2026-12-01T02:30:00Z, 2026-12-01T10:30:00+08:00) or UNIX epoch milliseconds",
  });
}

/** An ISO 8601 time with a zone (the filters of 4.2.12 and 4.2.15, sent in the platform's form). */
export function isoInput() {
  return z.string().refine((s) => !/^\d+$/.test(s.trim()) && parseTime(s) !== undefined, {
    error: "is not an ISO 8601 time with a zone; write e.g. 2026-12-01T00:00:00Z",
  });
}
