/** Times the listing calls write, in ISO 8601 for the lookups' outputs. */
import { fromApiTime } from "../../resources/backup/times";

/**
 * ISO 8601 of a time a list answered: with a zone (`2023-05-27T03:38:51+0800`, reference 4.9.1 created_at; `2021-01-15
 * 01:46:40 UTC`, 4.11.8's example) in UTC; without one (`2023-12-18 14:47:32`, 4.8.2's example; 4.3.1 "yyyy-MM-dd
 * HH:mm:ss") as the platform's local time with a `T` and no zone, since the zone is not known; anything else as written.
 */
export function platformTime(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw.trim() === "") return undefined;
  const t = raw.trim().replace(/\s+UTC$/i, "Z");
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(t);
  if (local) return `${local[1]}T${local[2]}`;
  return fromApiTime(t);
}

/** A number the platform wrote as text or number (4.9.1 table 4-314 sizes are "String" but its example shows numbers). */
export function numberOf(raw: string | number | null | undefined): number | undefined {
  if (raw === null || raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}
