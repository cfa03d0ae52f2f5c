import type { MessageKey } from '../../app/messages.zh';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A label from a key family (unit.kg, source.own, tradeStatus.pending …), or the raw value when unknown. */
export function label(t: T, family: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const key = `${family}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? String(value) : text;
}

/** Quantities are numeric(14,3) on the server: at most three decimals, no float noise. */
export function amount(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** "120 千克" */
export function qty(t: T, value: number | null | undefined, unit: string | null | undefined): string {
  return value === null || value === undefined ? '—' : `${amount(value)} ${label(t, 'unit', unit)}`;
}

export const TRADE_STATUS_COLOR: Record<string, string> = { pending: 'processing', confirmed: 'success', rejected: 'error', cancelled: 'default' };
export const SOURCE_COLOR: Record<string, string> = { own: 'green', purchase: 'blue', market_entry: 'purple', process: 'orange', split: 'cyan', merge: 'geekblue' };
export const SELF_CHECK_COLOR: Record<string, string> = { pass: 'success', fail: 'error', none: 'default' };
export const EDGE_COLOR: Record<string, string> = { trade: '#1677ff', market: '#722ed1', transform: '#fa8c16', split: '#13c2c2', merge: '#2f54eb', return: '#f5222d' };

/** Today as YYYY-MM-DD in the browser's calendar. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
