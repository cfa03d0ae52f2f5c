import { MAX_TRACE_CHECK } from '../../../../src/domains/integration/certification/certification.shared';
import type { TraceCheckInput } from './certification.types';

export type ListProblem = { key: 'traceChecks.listRequired' } | { key: 'traceChecks.listTooLong'; count: number } | { key: 'traceChecks.lineInvalid'; line: number };

/**
 * The pasted list as the server takes it: one subject per line, its identity number first and an optional name
 * after a comma, tab or space. A line that is not an 18-character number is named, never dropped or "corrected".
 */
export function parseCheckList(text: string): { items: TraceCheckInput['items'] } | { problem: ListProblem } {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const items: TraceCheckInput['items'] = [];
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const [, id = '', name = ''] = /^(\S+?)(?:[,，\t ]+(.*))?$/.exec(line) ?? [];
    if (!/^[0-9A-Za-z]{18}$/.test(id)) return { problem: { key: 'traceChecks.lineInvalid', line: i + 1 } };
    items.push({ idNumber: id.toUpperCase(), ...(name.trim() ? { name: name.trim().slice(0, 100) } : {}) });
  }
  if (items.length === 0) return { problem: { key: 'traceChecks.listRequired' } };
  if (items.length > MAX_TRACE_CHECK) return { problem: { key: 'traceChecks.listTooLong', count: items.length } };
  return { items };
}
