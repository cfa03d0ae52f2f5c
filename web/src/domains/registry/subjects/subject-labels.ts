import type { MessageKey } from '../../../app/messages.zh';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A label from a key family (category.0, unit.mu, appStatus.pending …), or the raw value when unknown. */
export function label(t: T, family: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const key = `${family}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? String(value) : text;
}

export const APPLICATION_STATUS_COLOR: Record<string, string> = { pending: 'processing', returned: 'warning', rejected: 'error', approved: 'success' };
export const SUBJECT_STATUS_COLOR: Record<string, string> = { active: 'success', suspended: 'error', temporary: 'default' };
export const SEVERITY_COLOR: Record<string, string> = { minor: 'gold', serious: 'orange', grave: 'red' };
export const APPLICATION_ACTION_COLOR: Record<string, string> = { submit: 'blue', resubmit: 'blue', return: 'orange', reject: 'red', approve: 'green' };

/** "12.5 亩" */
export function quantity(t: T, value: number | null, unit: string | null): string {
  return value === null ? '—' : `${value} ${label(t, 'unit', unit)}`;
}
