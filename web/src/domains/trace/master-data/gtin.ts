/** A GTIN as the console checks it before sending: 8, 12, 13 or 14 digits with a right GS1 mod-10 check digit. */
export function gtinProblem(value: string): 'LENGTH' | 'CHECK_DIGIT' | null {
  const digits = value.replace(/\s+/g, '');
  if (!/^(\d{8}|\d{12,14})$/.test(digits)) return 'LENGTH';
  const body = digits.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]) ? null : 'CHECK_DIGIT';
}
