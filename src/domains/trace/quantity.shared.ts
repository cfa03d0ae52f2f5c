import { z } from 'zod';

// Quantities are kept in thousandths (numeric(14,3)). A quantity the database would round — a fourth decimal, or
// one that rounds to zero — is refused at the door instead, so that what one side of a movement loses is exactly
// what the other gains (issue 19). Sums and differences are worked out in whole thousandths, never in floats.

export const QUANTITY_DECIMALS = 3;
export const SMALLEST_QUANTITY = 0.001;
const SCALE = 1000;

/** A quantity as a whole number of thousandths (exact for every quantity the platform accepts). */
export const toMilli = (q: number): number => Math.round(q * SCALE);
export const fromMilli = (m: number): number => m / SCALE;
export const sumQuantities = (qs: readonly number[]): number => fromMilli(qs.reduce((sum, q) => sum + toMilli(q), 0));
export const subtractQuantity = (a: number, b: number): number => fromMilli(toMilli(a) - toMilli(b));

/** True when `q` is written with at most three decimals (0.1 + 0.2 is not; 0.3 is). */
export const hasQuantityScale = (q: number): boolean => fromMilli(toMilli(q)) === q;

/** A quantity in a batch's unit on the wire: positive, at most three decimals, at most a billion. */
export const quantityIn = z
  .number()
  .positive()
  .max(1e9)
  .superRefine((q, ctx) => {
    if (q > 0 && q < SMALLEST_QUANTITY)
      ctx.addIssue({ code: 'custom', message: `${q} rounds to zero (数量过小): the smallest quantity is ${SMALLEST_QUANTITY}`, params: { min: SMALLEST_QUANTITY } });
    else if (q > 0 && !hasQuantityScale(q))
      ctx.addIssue({ code: 'custom', message: `at most ${QUANTITY_DECIMALS} decimal places (数量最多三位小数), got ${q}`, params: { maxDecimals: QUANTITY_DECIMALS } });
  })
  .describe(`at most ${QUANTITY_DECIMALS} decimal places; the smallest quantity is ${SMALLEST_QUANTITY}`);
