import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationIn, citationZh, supersededOf } from './limit-citation.shared.js';

// Issue 15 §7: a limit's citation reads in Chinese on a Chinese page, PDF or alert ("表12", never "Table 12").

/** Every standard and clause the shipped reference limits cite, as result.service.ts joins them. */
function shippedCitations(): string[] {
  const lines = readFileSync(new URL('../../../db/reference/residue-limits.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
  const cells = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"|([^,]*)(?:,|$)/g)].map((m) => m[1] ?? m[2] ?? '');
  return [...new Set(lines.map((l) => cells(l)).map((c) => `${c[9]} ${c[10]}`))];
}

describe('limit citations in Chinese', () => {
  it('says a GB 2763 table as the standard prints it', () => {
    expect(citationZh('GB 2763.1-2022 4.12, Table 12')).toBe('GB 2763.1-2022 4.12，表12');
    expect(citationIn('en', 'GB 2763.1-2022 4.12, Table 12')).toBe('GB 2763.1-2022 4.12, Table 12');
  });

  it('says the superseded notices and their items in Chinese with full-width punctuation', () => {
    expect(citationZh('农业部公告第193号 (superseded); 农业部公告第235号 附录4 (superseded) 193号 item 16; 235号 附录4')).toBe(
      '农业部公告第193号（已废止）；农业部公告第235号 附录4（已废止） 193号 第16项；235号 附录4',
    );
  });

  it('leaves no English word in any citation of the shipped limits', () => {
    const citations = shippedCitations();
    expect(citations.some((c) => c.includes('Table'))).toBe(true);
    for (const c of citations) expect(citationZh(c), c).not.toMatch(/Table|item|superseded|[;(),](?=\S*\p{Script=Han})/u);
  });
});

describe('a replaced standard', () => {
  it('names GB 2763-2026 for both editions it replaced, and nothing for a standard in force', () => {
    expect(supersededOf('GB 2763.1-2022')).toEqual({ by: 'GB 2763-2026', since: '2026-03-01' });
    expect(supersededOf('GB 2763-2021')).toEqual({ by: 'GB 2763-2026', since: '2026-03-01' });
    expect(supersededOf('GB 31650-2019')).toBeNull();
    expect(supersededOf('GB 2763-2026')).toBeNull();
  });
});
