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
