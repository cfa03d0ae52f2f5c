import type { ResultRequest, ResultUnit } from './monitoring.types';

/** One row of the lab bench as typed; numbers stay null until entered. */
export type BenchRow = {
  key: number;
  analyteCode?: string;
  methodStandard: string;
  value: number | null;
  unit: ResultUnit;
  lod: number | null;
  overrideValue: number | null;
  overrideStandard: string;
};

/** The cells Enter walks through, in order; the last one moves to the next row (adding one at the end). */
export const ENTER_CELLS = ['analyte', 'method', 'value', 'lod'] as const;
export type EnterCell = (typeof ENTER_CELLS)[number];

let nextKey = 1;

/** A new row that remembers the previous row's method, unit and LOD: a run of analytes shares one method. */
export function rowAfter(previous?: BenchRow): BenchRow {
  return {
    key: nextKey++,
    methodStandard: previous?.methodStandard ?? '',
    value: null,
    unit: previous?.unit ?? 'mg/kg',
    lod: previous?.lod ?? null,
    overrideValue: null,
    overrideStandard: '',
  };
}

const blank = (r: BenchRow) => !r.analyteCode && r.value === null;

/** The rows as the API takes them, or the number (1-based) of the first incomplete row; wholly blank rows are dropped. */
export function toResults(rows: BenchRow[]): { results: ResultRequest[] } | { badRow: number } {
  const results: ResultRequest[] = [];
  for (const [i, r] of rows.entries()) {
    if (blank(r)) continue;
    const override = r.overrideValue !== null || r.overrideStandard.trim() !== '';
    if (!r.analyteCode || r.methodStandard.trim().length < 2 || r.value === null || r.lod === null) return { badRow: i + 1 };
    if (override && (r.overrideValue === null || r.overrideStandard.trim().length < 4)) return { badRow: i + 1 };
    results.push({
      analyteCode: r.analyteCode,
      methodStandard: r.methodStandard.trim(),
      value: r.value,
      unit: r.unit,
      lod: r.lod,
      ...(override ? { limitOverride: { value: r.overrideValue!, standard: r.overrideStandard.trim() } } : {}),
    });
  }
  return { results };
}

/** The value in mg/kg, for the hint beside the row (the server judges; this only shows what it is likely to say). */
export const inMg = (value: number, unit: ResultUnit) => (unit === 'μg/kg' ? value / 1000 : value);
