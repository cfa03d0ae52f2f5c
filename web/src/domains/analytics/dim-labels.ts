import type { MessageKey } from '../../app/messages.zh';

/** Where each counted dimension's words are (the domains' own labels where they exist); null: not shown by name. */
const KEYS: Record<string, ((dim: string) => string[]) | undefined> = {
  subject: (d) => [`dim.subject.${d}`],
  subject_category: (d) => [`category.${d}`],
  subject_form: (d) => [`orgForm.${d}`],
  subject_industry: (d) => [`industry.${d}`],
  subject_priority: (d) => [`priority.${d}`],
  cert_issued: (d) => [`certBasis.${d}`],
  cert_issuer: (d) => [`dim.cert_issuer.${d}`],
  cert_copies: (d) => [`certBasis.${d}`],
  application: (d) => [`dim.application.${d}`],
  change_request: (d) => [`dim.change_request.${d}`],
  batch: (d) => [`source.${d}`],
  trade: (d) => d.split(':').map((part, i) => (i === 0 ? `dim.tradeKind.${part}` : `dim.tradeStatus.${part}`)),
  inspection: (d) => [`dim.inspection.${d}`],
  rectification: (d) => [`dim.rectification.${d}`],
  transfer: (d) => [`dim.transfer.${d}`],
  sample: (d) => [`dim.sample.${d}`],
  alert: (d) => [`dim.alert.${d}`],
  case: (d) => [`cases.stage.${d}`],
  case_source: (d) => [`cases.source.${d}`],
  penalty: (d) => [`dim.penalty.${d}`],
  lookup: (d) => [`dim.lookup.${d}`],
};

/** A dimension in words, or null when it has none (then the row is left out rather than show a code). */
export function dimLabel(t: (key: MessageKey) => string, measure: string, dim: string): string | null {
  const keys = KEYS[measure]?.(dim);
  if (!keys) return null;
  const words = keys.map((k) => [k, t(k as MessageKey)] as const);
  return words.every(([k, w]) => w !== k) ? words.map(([, w]) => w).join('') : null;
}
