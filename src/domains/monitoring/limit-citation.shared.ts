/**
 * A residue limit's citation in Chinese. The reference limits (db/reference/residue-limits.csv) keep their clause as
 * the source read it — GB 2763.1-2022 through its English translation ("4.12, Table 12"), the MARA notices with
 * "(superseded)" and "item 16" — and a Chinese page, PDF or alert says it as the standard prints it: "4.12，表12",
 * "（已废止）", "第16项". Shared with the console; imports nothing.
 */
export function citationZh(citation: string): string {
  return citation
    .replace(/\bTable\s+(\d+)/g, '表$1')
    .replace(/\bitem\s+(\d+)/g, '第$1项')
    .replace(/\s*\(superseded\)/g, '（已废止）')
    .replace(/\s*;\s*/g, '；')
    .replace(/,\s*(?=表)/g, '，');
}

/** The citation in the reader's language: the stored words are the English translation's. */
export const citationIn = (lang: 'zh' | 'en', citation: string): string => (lang === 'zh' ? citationZh(citation) : citation);

/**
 * Standards replaced since the reference rows were read, and by what. 公告2026年第2号 (国家卫生健康委、农业农村部、
 * 市场监管总局, published 2026-02-12) issues GB 2763-2026 "代替GB 2763-2021、GB 2763.1-2022" from 2026-03-01, read in
 * its copy at https://bysee-sra.com/article.aspx?id=1076 (db/reference/README.md). The new text was not read (it
 * revised 23 of its 10,749 limits, not named), so rows citing the old editions still judge, and say they must be
 * checked against the new one (docs/decisions.md, "GB 2763 edition").
 */
const GB_2763_2026 = { by: 'GB 2763-2026', since: '2026-03-01' } as const;
const SUPERSEDED: Readonly<Record<string, { by: string; since: string }>> = { 'GB 2763-2021': GB_2763_2026, 'GB 2763.1-2022': GB_2763_2026 };

/** What replaced the standard a limit cites, or null while it is in force. */
export const supersededOf = (standard: string): { by: string; since: string } | null => SUPERSEDED[standard] ?? null;
