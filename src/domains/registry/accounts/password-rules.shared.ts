// The password rule, judged by the server and checked by the console as the user types (one module, both sides).

// A short list of the passwords most often tried against Chinese government and enterprise systems.
const COMMON = new Set(['password123', 'admin123456', 'qwerty123456', '1234567890', 'abc123456789', 'a1234567890', 'p@ssw0rd123', 'admin@123456']);

export type PasswordProblem = 'TOO_SHORT' | 'TOO_FEW_CLASSES' | 'CONTAINS_USERNAME' | 'TOO_COMMON';

/** Empty when the password is acceptable. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < 10) problems.push('TOO_SHORT');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('TOO_FEW_CLASSES');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('CONTAINS_USERNAME');
  if (COMMON.has(password.toLowerCase())) problems.push('TOO_COMMON');
  return problems;
}
