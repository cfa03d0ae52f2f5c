/**
 * ISO/IEC 7064 MOD 11,10 (the hybrid system for digits), the check digit of every product code (DESIGN.md §3).
 * It catches every single-digit error. It misses one adjacent transposition per running state: swapping
 * the digits a and a+1 (mod 10) where a = (5 − p) mod 10 for the running state p (about 1 in 90). No check digit of this
 * system can catch them all; docs/decisions.md records it, and codes.ts issues only codes whose serial and check
 * digit hold no such pair.
 */
/** One step of the recurrence: the running state (1–10) after the next digit. */
export function mod1110Step(p: number, digit: number): number {
  const s = (p + digit) % 10 || 10;
  return (2 * s) % 11;
}

export function mod1110CheckDigit(digits: string): number {
  let p = 10;
  for (let i = 0; i < digits.length; i++) p = mod1110Step(p, digits.charCodeAt(i) - 48);
  return (11 - p) % 10;
}

export function mod1110Valid(code: string): boolean {
  if (!/^\d{2,}$/.test(code)) return false;
  return mod1110CheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}
