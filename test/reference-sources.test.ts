import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

// Every shipped reference row cites where it was read (issue 21: "every shipped reference row cites its source"):
// a regulatory value or class without a source is never shipped. Offending rows are listed by key, so a failure says
// which row to fix.

type Row = Record<string, string>;
const read = (name: string) => parse(readFileSync(new URL(`../db/reference/${name}`, import.meta.url)), { columns: true, skip_empty_lines: true }) as Row[];

type ClassRow = Row & { code: string; parent_code: string; level: string; name_zh: string };
const classes = read('product-classes.csv') as ClassRow[];
const analytes = read('analytes.csv');
const limits = read('residue-limits.csv');

const URL_PATTERN = /^https?:\/\/\S+$/;

/** The keys of the rows where one of these columns is blank (or, for source URLs, not an address). */
function unsourced(rows: Row[], key: string, columns: string[]): string[] {
  return rows
    .filter((r) => columns.some((c) => !(r[c] ?? '').trim() || (c === 'source_url' && !URL_PATTERN.test(r[c]!))))
    .map((r) => r[key]!);
}

describe('db/reference: every row cites its source', () => {
  it('product classes: a source address and the classification text as read', () => {
    expect(classes.length).toBeGreaterThan(71);
    expect(unsourced(classes, 'code', ['source_url', 'gb2763_category', 'name_zh'])).toEqual([]);
  });

  it('analytes: the standard and a source address', () => {
    expect(unsourced(analytes, 'code', ['standard', 'source_url', 'name_zh', 'kind'])).toEqual([]);
  });

  it('limits: the standard, its clause or table and a source address; a row without a value says why', () => {
    expect(unsourced(limits, 'id', ['standard', 'clause_or_table', 'source_url', 'residue_definition', 'commodity_zh'])).toEqual([]);
    expect(limits.filter((r) => r.mrl_mg_per_kg === '' && !r.note?.trim()).map((r) => r.id)).toEqual([]);
  });

  it('the checker itself finds a row without a source, a blank clause and an address that is not one', () => {
    const rows = [
      { id: '1', standard: 'GB 31650-2019', clause_or_table: '4.3', source_url: 'http://example.org/a' },
      { id: '2', standard: 'GB 31650-2019', clause_or_table: '4.3', source_url: '' },
      { id: '3', standard: 'GB 31650-2019', clause_or_table: ' ', source_url: 'http://example.org/a' },
      { id: '4', standard: 'GB 31650-2019', clause_or_table: '4.3', source_url: 'read somewhere' },
    ];
    expect(unsourced(rows, 'id', ['standard', 'clause_or_table', 'source_url'])).toEqual(['2', '3', '4']);
  });
});

describe('db/reference: rows refer to each other', () => {
  const classCodes = new Set(classes.map((c) => c.code));

  it('the class tree: each code is its parent plus 2 digits, at its level, under a parent that exists', () => {
    const bad = classes.filter((c) => {
      const parent = c.code.length > 2 ? c.code.slice(0, -2) : '';
      return c.parent_code !== parent || Number(c.level) !== c.code.length / 2 || (parent !== '' && !classCodes.has(parent));
    });
    expect(bad.map((c) => c.code)).toEqual([]);
    expect(classCodes.size).toBe(classes.length);
  });

  it('each limit names a shipped analyte and, when it has one, a shipped class', () => {
    const analyteCodes = new Set(analytes.map((a) => a.code));
    expect(limits.filter((l) => !analyteCodes.has(l.analyte_code!)).map((l) => l.id)).toEqual([]);
    expect(limits.filter((l) => l.commodity_class_code && !classCodes.has(l.commodity_class_code)).map((l) => l.id)).toEqual([]);
  });

  it('农业农村部公告第250号 ships whole: each of its 21 items on class 13, not to be detected, citing the list itself', () => {
    const list = limits.filter((l) => l.standard === '农业农村部公告第250号' && l.clause_or_table!.startsWith('食品动物中禁止使用的药品及其他化合物清单 序号'));
    const items = new Set(list.map((l) => Number(l.clause_or_table!.split('序号')[1])));
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(list.filter((l) => l.mrl_mg_per_kg !== '' || l.commodity_class_code !== '13' || !l.source_url!.startsWith('http://www.moa.gov.cn/')).map((l) => l.id)).toEqual([]);
    const analyteCodes = new Map(analytes.map((a) => [a.code, a]));
    expect(list.filter((l) => analyteCodes.get(l.analyte_code!)?.banned !== 'true').map((l) => l.id)).toEqual([]);
  });

  it('the animal products are one tree with the plant classes: livestock and poultry meat and offal, eggs, raw milk, honey, aquatic animals and algae', () => {
    const names = new Map(classes.map((c) => [c.code, c.name_zh]));
    expect(names.get('13')).toBe('动物性食品');
    for (const [code, name] of [
      ['130101', '猪肉'],
      ['130201', '鸡肉'],
      ['130301', '猪肝'],
      ['130401', '淡水鱼'],
      ['130501', '鸡蛋'],
      ['1306', '生乳'],
      ['130701', '蜂蜜'],
      ['1401', '海带'],
    ] as const)
      expect(names.get(code)).toBe(name);
  });
});
