import { expected, type Obj, type Outcome, type Role, type Rule } from './rules.js';

/**
 * Where the code answers otherwise than DESIGN.md demands and another engineer is fixing it (issue 19). The
 * matrix keeps the expected outcome DESIGN.md demands; a call that answers `today` instead is reported as a known
 * gap, not a failure. Remove an entry once its fix is merged: the test then prints that the gap is closed.
 */
export type KnownGap = {
  /** '*': every operation. */
  ops: string[] | '*';
  roles: string[];
  /** Omitted: every object. */
  objects?: Obj[];
  /** What the code answers today: an outcome, or one the rules compute (what another role would get). */
  today: Outcome | ((rule: Rule, r: Role, o: Obj, region: string) => Outcome);
  finding: string;
};

const F20_TASKS = "20 (DESIGN.md §12 Tasks: not read by other agencies of the publisher's region)";

export const KNOWN_GAPS: KnownGap[] = [
  // 寿光's enforcement agency is neither a recipient of the county bureau's task nor above it, yet finds it today.
  {
    ops: [
      'GET /api/v1/supervision/tasks/{id}',
      'GET /api/v1/supervision/tasks/{id}/progress.xlsx',
      'GET /api/v1/supervision/attachments/{id}',
      'GET /api/v1/monitoring/tasks/{taskId}/summary',
      'GET /api/v1/monitoring/tasks/{taskId}/summary.xlsx',
    ],
    roles: ['sg-law-admin'],
    objects: ['sd'],
    today: 'ok',
    finding: F20_TASKS,
  },
  // …so a recipient's or the publisher's work on it is refused (403) where it should not be found (404).
  {
    ops: [
      'POST /api/v1/supervision/tasks/{id}/accept',
      'GET /api/v1/supervision/tasks/{id}/assignable',
      'POST /api/v1/supervision/tasks/{id}/assign',
      'POST /api/v1/supervision/tasks/{id}/progress',
      'POST /api/v1/supervision/tasks/{id}/report',
      'POST /api/v1/supervision/tasks/{id}/close',
    ],
    roles: ['sg-law-admin'],
    objects: ['sd'],
    today: '403',
    finding: F20_TASKS,
  },
  // A password change does not revoke the account's bearer tokens: the token still acts as its owner (a 寿光 official).
  {
    ops: '*',
    roles: ['revoked-token'],
    today: (rule, r, o, region) => expected(rule, { ...r, revokedToken: undefined }, o, region),
    finding: '9 and 20 (DESIGN.md §12 Accounts: a password change revokes the account’s bearer tokens)',
  },
];
