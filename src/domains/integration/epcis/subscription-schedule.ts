/**
 * The query schedule of an EPCIS subscription (EPCIS 2.0 §8.2.5.3, QuerySchedule): `second`, `minute`, `hour`,
 * `dayOfMonth`, `month`, `dayOfWeek`, each a comma list of numbers and `[a-b]` ranges; a field left out matches
 * every value. Times are UTC. A field outside its range is refused.
 */
export type Schedule = Partial<Record<(typeof FIELDS)[number], string>>;

const FIELDS = ['second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const;
const RANGES: Record<(typeof FIELDS)[number], [number, number]> = { second: [0, 59], minute: [0, 59], hour: [0, 23], dayOfMonth: [1, 31], month: [1, 12], dayOfWeek: [1, 7] };

type Parsed = Record<(typeof FIELDS)[number], Set<number> | null>;

/** The schedule's allowed values by field (null: any), or the name of the field that is wrong. */
export function parseSchedule(raw: unknown): Parsed | { bad: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { bad: 'schedule' };
  const out = {} as Parsed;
  for (const [k, v] of Object.entries(raw)) if (!(FIELDS as readonly string[]).includes(k) || typeof v !== 'string') return { bad: `schedule.${k}` };
  for (const f of FIELDS) {
    const text = (raw as Record<string, string>)[f];
    if (text === undefined) {
      out[f] = null;
      continue;
    }
    const set = new Set<number>();
    const [lo, hi] = RANGES[f];
    for (const item of text.split(',').map((s) => s.trim())) {
      const m = /^(?:(\d+)|\[(\d+)-(\d+)\])$/.exec(item);
      if (!m) return { bad: `schedule.${f}` };
      const [a, b] = m[1] !== undefined ? [Number(m[1]), Number(m[1])] : [Number(m[2]), Number(m[3])];
      if (a < lo || b > hi || a > b) return { bad: `schedule.${f}` };
      for (let n = a; n <= b; n++) set.add(n);
    }
    out[f] = set;
  }
  return out;
}

const ok = (set: Set<number> | null, n: number) => set === null || set.has(n);

/** The first time after `after` the schedule names (to the second), within a year; null if none. */
export function nextRun(s: Parsed, after: Date): Date | null {
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  const seconds = s.second ? [...s.second].sort((a, b) => a - b) : [0];
  for (let i = 0; i < 366 * 24 * 60 + 1; i++) {
    // ISO day of week: Monday 1 … Sunday 7.
    const dow = ((t.getUTCDay() + 6) % 7) + 1;
    if (ok(s.month, t.getUTCMonth() + 1) && ok(s.dayOfMonth, t.getUTCDate()) && ok(s.dayOfWeek, dow) && ok(s.hour, t.getUTCHours()) && ok(s.minute, t.getUTCMinutes())) {
      for (const sec of seconds) {
        const at = new Date(t.getTime() + sec * 1000);
        if (at > after) return at;
      }
    }
    t.setTime(t.getTime() + 60_000);
  }
  return null;
}
