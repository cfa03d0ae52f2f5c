// 判定: how one result and a whole report are judged. Pure: the limit is looked up elsewhere (limits.ts).

export type ResultUnit = 'mg/kg' | 'μg/kg';
export type Verdict = 'pass' | 'fail';

/** Values are judged and stored with 6 decimals in mg/kg (sample_results.value_mg_per_kg), so the same rounding applies. */
const MICRO = 1_000_000;
const micro = (mgPerKg: number) => Math.round(mgPerKg * MICRO);

/**
 * A value in mg/kg, rounded to 6 decimals: what is stored is what was judged. μg/kg goes through integers
 * (×1000 then ÷10⁶) so that 1.005 μg/kg is 0.001005 mg/kg as written, not 0.0010049999999999998.
 */
export function toMgPerKg(value: number, unit: ResultUnit): number {
  const microMg = unit === 'μg/kg' ? Math.round(value * 1000) : micro(value);
  return microMg / MICRO;
}

/**
 * One analyte's result. Detected = a positive value at or above the method's limit of detection (a zero value is
 * never a detection, even with a zero LOD). Not detected passes. A banned or stopped substance (no limit) fails when
 * detected. Otherwise a value above the limit fails and a value equal to it passes (GB 2763: 不得超过). Compared in
 * whole ng/kg (10⁻⁶ mg/kg) so that floating-point noise cannot flip a verdict at the boundary.
 */
export function judgeResult({ valueMgPerKg, lodMgPerKg, limitMgPerKg }: { valueMgPerKg: number; lodMgPerKg: number; limitMgPerKg: number | null }): {
  detected: boolean;
  verdict: Verdict;
} {
  const value = micro(valueMgPerKg);
  const detected = value > 0 && value >= micro(lodMgPerKg);
  if (!detected) return { detected, verdict: 'pass' };
  if (limitMgPerKg === null) return { detected, verdict: 'fail' };
  return { detected, verdict: value > micro(limitMgPerKg) ? 'fail' : 'pass' };
}

/** A report fails when any of its results fails (results are never empty: resultsIn requires one). */
export function overallVerdict(results: { verdict: Verdict }[]): Verdict {
  return results.some((r) => r.verdict === 'fail') ? 'fail' : 'pass';
}
