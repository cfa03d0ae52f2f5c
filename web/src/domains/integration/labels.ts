import type { I18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages.zh';

/** Words for an operation of a scope (a permission name); one the console has no words for yet says so, never the name. */
export function operationLabel(t: I18n['t'], op: string): string {
  const key = `integration.op.${op}` as MessageKey;
  const text = t(key);
  return text === key ? t('integration.op.other') : text;
}

/** Words for a refused call's code; an unknown one is told by its HTTP status only. */
export function callCodeLabel(t: I18n['t'], code: string | null, status: number): string {
  if (status < 400) return t('integration.callOk');
  const key = `integration.code.${code ?? ''}` as MessageKey;
  const text = t(key);
  return text === key ? t('integration.code.other', { status }) : text;
}
