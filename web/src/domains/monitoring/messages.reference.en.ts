import type { referenceZh } from './messages.reference.zh';

export const referenceEn: Record<keyof typeof referenceZh, string> = {
  'perm.monitoring.reference': 'Maintain analytes and limits (my lab’s or my province’s)',
  'action.monitoring.analyte_add': 'Add an analyte',
  'action.monitoring.limit_add': 'Add a limit',
  'action.monitoring.limit_retire': 'Withdraw a limit',
  'auditTarget.analyte': 'Analyte',
  'auditTarget.residue_limit': 'Residue limit',
};
