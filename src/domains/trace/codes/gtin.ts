/** GS1 check digit (mod 10, weights 3 and 1 from the right) of GTIN-8, -12, -13 and -14. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export type GtinProblem = 'FORMAT' | 'CHECK_DIGIT';

/** A GTIN as typed or scanned, normalised to 14 digits (GS1 Digital Link uses the 14-digit form). */
export function normaliseGtin(input: string): { gtin: string } | { problem: GtinProblem } {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(input)) return { problem: 'FORMAT' };
  if (gtinCheckDigit(input.slice(0, -1)) !== Number(input[input.length - 1])) return { problem: 'CHECK_DIGIT' };
  return { gtin: input.padStart(14, '0') };
}
