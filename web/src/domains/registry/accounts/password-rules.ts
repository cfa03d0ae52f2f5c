import type { MessageKey } from '../../../app/messages.zh';
import { passwordProblems as problemsOf, type PasswordProblem } from '../../../../../src/domains/registry/accounts/password-rules.shared';

const WORDS: Record<PasswordProblem, MessageKey> = {
  TOO_SHORT: 'password.tooShort',
  TOO_FEW_CLASSES: 'password.fewClasses',
  CONTAINS_USERNAME: 'password.containsUsername',
  TOO_COMMON: 'password.tooCommon',
};

/** The server's own rule (password-rules.shared.ts), checked as the user types; the words of each problem. */
export function passwordProblems(password: string, username: string): MessageKey[] {
  return problemsOf(password, username).map((p) => WORDS[p]);
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
