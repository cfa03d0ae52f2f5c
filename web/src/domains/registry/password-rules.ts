import type { MessageKey } from '../../app/messages.zh';

// The same rule the server applies (src/domains/registry/password-rules.ts), checked as the user types;
// the server remains the judge.
export function passwordProblems(password: string, username: string): MessageKey[] {
  const problems: MessageKey[] = [];
  if (password.length < 10) problems.push('password.tooShort');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('password.fewClasses');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('password.containsUsername');
  return problems;
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@!$*?';

/** A 14-character password with all four classes, without look-alike characters (0/O, 1/l/I). */
export function generatePassword(length = 14): string {
  const pools = [UPPER, LOWER, DIGITS, SYMBOLS];
  const all = pools.join('');
  const random = (n: number) => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    return buf[0]! % n;
  };
  const chars = pools.map((p) => p[random(p.length)]!);
  while (chars.length < length) chars.push(all[random(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
