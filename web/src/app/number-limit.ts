import type { FormRule as Rule } from 'antd';
import type { MessageKey } from './messages.zh';

// A number field states its limits and refuses a value outside them; it never rewrites what was typed. antd's
// InputNumber `min`/`max` replace the typed value on blur (9999 typed, 600 sold), so no InputNumber sets them
// (eslint forbids it) and every limit is this form rule instead, shown under the field.

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export type Limits = {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** The value must be above 0 (a quantity): said as 须大于 0 rather than as a smallest decimal. */
  positive?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
  /** Shown after the number: 千克, 份. */
  unit?: string;
};

const shown = (n: number) => String(Math.round(n * 1000) / 1000);
const withUnit = (n: number, unit?: string) => (unit ? `${shown(n)} ${unit}` : shown(n));

/** The words for a value outside `limits`, or null when it is inside (an empty value is the `required` rule's). */
export function limitProblem(t: T, value: unknown, limits: Limits): string | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return t('limit.notNumber');
  if (limits.positive && n <= 0) return t('limit.positive');
  if (limits.min !== undefined && n < limits.min) return t('limit.min', { n: withUnit(limits.min, limits.unit) });
  if (limits.max !== undefined && n > limits.max + 1e-9) return t('limit.max', { n: withUnit(limits.max, limits.unit) });
  if (limits.integer && !Number.isInteger(n)) return t('limit.integer');
  return null;
}

/** The antd form rule refusing a value outside `limits` with the limit in words ("最多 600 千克"). */
export function limitRule(t: T, limits: Limits): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const problem = limitProblem(t, value, limits);
      if (problem) throw new Error(problem);
    },
  };
}
