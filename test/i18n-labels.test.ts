import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCatalog } from '../src/platform/audit/catalog.js';
import { allDomains, allGrants } from '../src/domains/index.js';

// The permissions and audit actions every domain declares on its module (src/domains/<d>/index.ts).
const grants = allGrants();
const { actions: AUDIT_ACTIONS, targets: AUDIT_TARGET_TYPES } = auditCatalog(allDomains());

const APP = path.resolve(import.meta.dirname, '../web/src/app');
const DOMAINS = path.resolve(import.meta.dirname, '../web/src/domains');
// The console's modules and the lint rule are loaded by path: the server's tsconfig resolves neither.
const RULE = path.resolve(import.meta.dirname, '../eslint-rules/full-width-punctuation.js');
let zh: Record<string, string>;
let en: Record<string, string>;
let dictionaries: Record<'zh' | 'en', Record<string, string>>;
let findMarks: (text: string) => unknown[];

beforeAll(async () => {
  // All the words: the shell's joined with each domain's (web/src/domains/index.ts), as the console loads them.
  zh = await ((await import(path.join(APP, 'words.ts'))) as { loadChineseWords: () => Promise<Record<string, string>> }).loadChineseWords();
  en = await ((await import(path.join(APP, 'english.ts'))) as { loadEnglishWords: () => Promise<Record<string, string>> }).loadEnglishWords();
  dictionaries = { zh, en };
  ({ findMarks } = (await import(RULE)) as { findMarks: typeof findMarks });
});

/** The one exported dictionary of a message module. */
async function dictionaryOf(file: string): Promise<Record<string, string>> {
  const module = (await import(path.resolve(APP, file))) as Record<string, Record<string, string>>;
  const values = Object.values(module);
  expect(values, file).toHaveLength(1);
  return values[0]!;
}

describe('console messages (issue 15 §7)', () => {
  it('every zh message file has an en twin with the same keys', async () => {
    // The app's own words, and each domain's beside its pages (issue 20 §3).
    const dirs = [APP, ...readdirSync(DOMAINS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(DOMAINS, e.name))];
    const zhFiles = dirs.flatMap((dir) => readdirSync(dir).filter((f) => /^messages\.[\w-]+\.zh\.ts$/.test(f)).map((f) => path.join(dir, f)));
    expect(zhFiles.length).toBeGreaterThan(5);
    for (const file of zhFiles) {
      const twin = file.replace(/\.zh\.ts$/, '.en.ts');
      const [zhKeys, enKeys] = [Object.keys(await dictionaryOf(file)), Object.keys(await dictionaryOf(twin))];
      expect(zhKeys.length, file).toBeGreaterThan(0);
      expect({ file, missingInEn: zhKeys.filter((k) => !enKeys.includes(k)) }).toEqual({ file, missingInEn: [] });
      expect({ twin, missingInZh: enKeys.filter((k) => !zhKeys.includes(k)) }).toEqual({ twin, missingInZh: [] });
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('every permission, audit action and audited kind the server defines has words in both languages', () => {
    const keys = [...[...grants.names].map((p) => `perm.${p}`), ...AUDIT_ACTIONS.map((a) => `action.${a}`), ...AUDIT_TARGET_TYPES.map((t) => `auditTarget.${t}`)];
    for (const [lang, dict] of Object.entries(dictionaries)) {
      expect({ lang, missing: keys.filter((k) => !dict[k]?.trim()) }).toEqual({ lang, missing: [] });
    }
  });

  it('no two audit actions read the same, in either language', () => {
    for (const [lang, dict] of Object.entries(dictionaries)) {
      const byText = new Map<string, string[]>();
      for (const action of AUDIT_ACTIONS) byText.set(dict[`action.${action}`]!, [...(byText.get(dict[`action.${action}`]!) ?? []), action]);
      expect({ lang, same: [...byText.values()].filter((list) => list.length > 1) }).toEqual({ lang, same: [] });
    }
  });

  it('Chinese messages use full-width punctuation, and English ones say no Chinese but a name', () => {
    expect(Object.entries(zh).filter(([, text]) => findMarks(text).length > 0)).toEqual([]);
    // The language switch names 中文 in Chinese on purpose; certificate kinds keep their Chinese name beside the English.
    const allowed = new Set(['lang.switch', 'certs.desc']);
    expect(Object.entries(en).filter(([key, text]) => !allowed.has(key) && /[\u4e00-\u9fff]/.test(text))).toEqual([]);
  });
});
