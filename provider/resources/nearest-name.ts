/** "Did you mean" for names a platform lists: the nearest valid names by edit distance. */
/** Edit distance of two strings: insertions, deletions, substitutions and swaps of two neighbours each cost 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.MAX_SAFE_INTEGER;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The names among `candidates` nearest to `name` for a "did you mean" (`max_conections` → `max_connections`): by
 * edit distance, case-insensitive, within about a third of the name's length, then the names containing it; at most
 * `max`. `strip` removes a prefix both sides may or may not carry before comparing (e.g. `cn:`/`dn:`).
 */
export function nearestNames(name: string, candidates: Iterable<string>, opts: { max?: number; strip?: RegExp } = {}): string[] {
  const bare = (s: string) => (opts.strip ? s.replace(opts.strip, "") : s).toLowerCase();
  const n = bare(name);
  const limit = Math.max(1, Math.floor(n.length / 3));
  const scored = [...new Set(candidates)].flatMap((c) => {
    const d = editDistance(n, bare(c));
    if (d <= limit) return [{ c, d }];
    return n.length >= 3 && bare(c).includes(n) ? [{ c, d: limit + 1 + bare(c).length - n.length }] : [];
  });
  return scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c)).slice(0, opts.max ?? 3).map((x) => x.c);
}
