import type { MessageKey } from './messages.zh';
import { zhWords } from './words';
import type { Agency, AgencyKind, AgencyLevel } from '../domains/registry/registry.types';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const kindLabel = (t: T, kind: AgencyKind) => t(`kind.${kind}`);
export const levelLabel = (t: T, level: AgencyLevel) => t(`level.${level}`);

/** "山东省农业农村厅 · 山东省" — the agency with its region, or 全国 for the ministry. */
export function agencyTitle(agency: Pick<Agency, 'name' | 'regionName' | 'regionCode'>, t: T): string {
  return `${agency.name} · ${agency.regionName ?? (agency.regionCode ? agency.regionCode : t('common.nationwide'))}`;
}

/** A recorded audit action in words, or the code itself for an action this console does not know yet. */
export function actionLabel(t: T, action: string): string {
  const key = `action.${action}` as MessageKey;
  const text = t(key);
  return text === key ? action : text;
}

/** What an audit entry is about, in words (the code itself for a kind this console does not know yet). */
export function targetTypeLabel(t: T, type: string): string {
  const key = `auditTarget.${type}` as MessageKey;
  const text = t(key);
  return text === key ? type : text;
}

/** Every audit action this console has words for, as a picker's options (the words only; the code is the value). */
export function auditActions(t: T): { value: string; label: string }[] {
  return Object.keys(zhWords())
    .filter((k) => k.startsWith('action.'))
    .map((k) => ({ value: k.slice('action.'.length), label: t(k as MessageKey) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

export const KIND_COLOR: Record<AgencyKind, string> = { supervision: 'green', testing: 'blue', enforcement: 'volcano', operations: 'purple', market: 'gold' };

/** Digits of a region code at each level (1 province … 4 township). */
export const REGION_DIGITS = [0, 2, 4, 6, 9] as const;
export const LEVEL_BY_REGION_LEVEL: AgencyLevel[] = ['ministry', 'province', 'city', 'county', 'township'];
