import { expect } from 'vitest';
import type { Client, TestApp } from './harness.js';

/** The password an allocated agency's first account is given (changed at its first login). */
export const FIRST_PASSWORD = 'Strong#Pass2026';

/**
 * 寿光市渔业局 (issue 21 §3): the city allocates a fishery bureau beside 寿光's 农业农村局 (sg-admin); its admin
 * `sg-fish-admin` logs in and changes the first password. Returns that admin, and the bureau as allocated.
 */
export async function fisheryBureau(t: TestApp): Promise<{ fishery: Client; agency: Record<string, unknown> }> {
  const city = await t.login('wf-admin');
  const allocated = await city.post('/api/v1/agencies', {
    name: '寿光市渔业局',
    kind: 'supervision',
    level: 'county',
    regionCode: '370783',
    department: 'fishery',
    account: { username: 'sg-fish-admin', displayName: '渔业局管理员', password: FIRST_PASSWORD },
  });
  expect(allocated.statusCode, allocated.body).toBe(201);
  const fishery = await t.login('sg-fish-admin', FIRST_PASSWORD);
  const changed = await fishery.post('/api/v1/auth/password', { currentPassword: FIRST_PASSWORD, newPassword: 'Changed#Pass2027' });
  expect(changed.statusCode, changed.body).toBe(204);
  return { fishery, agency: allocated.json<{ agency: Record<string, unknown> }>().agency };
}
