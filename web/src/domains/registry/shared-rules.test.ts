import { describe, expect, it } from 'vitest';
import { loadEnglishWords } from '../../app/english';
import { loadChineseWords } from '../../app/words';
import { manageableRoles } from './accounts/manage-rules';
import { passwordProblems } from './accounts/password-rules';

// The console applies the server's own rules (issue 20 §1): the words it shows for them, and its session's fit.

describe('rules shared with the server', () => {
  it('says every password problem the server finds, a common password included', async () => {
    const [zh, en] = [await loadChineseWords(), await loadEnglishWords()];
    expect(passwordProblems('Password123', 'zhangsan')).toEqual(['password.tooCommon']);
    expect(passwordProblems('abc', 'zhangsan')).toEqual(['password.tooShort', 'password.fewClasses']);
    expect(passwordProblems('Tracenet#2026', 'zhangsan')).toEqual([]);
    for (const key of ['password.tooShort', 'password.fewClasses', 'password.containsUsername', 'password.tooCommon'] as const) {
      expect(zh[key]).toBeTruthy();
      expect(en[key]).toBeTruthy();
    }
  });

  it('offers the roles the server lets a session manage', () => {
    const county = { id: 'c', kind: 'supervision' as const, level: 'county', parentId: 'p' };
    const admin = { user: { role: 'admin' as const }, agency: county };
    expect(manageableRoles(admin, county)).toEqual(['admin', 'staff']);
    expect(manageableRoles(admin, { id: 't', level: 'township', parentId: 'c' })).toEqual(['staff']);
    expect(manageableRoles(admin, { id: 'x', level: 'county', parentId: 'elsewhere' })).toEqual([]);
    expect(manageableRoles({ ...admin, user: { role: 'staff' } }, county)).toEqual([]);
  });
});
