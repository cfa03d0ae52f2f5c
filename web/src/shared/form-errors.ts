import type { FormInstance } from 'antd';
import { ApiError } from '../app/api-error';

/**
 * Shows a refusal of the server under the field it is about (GTIN_INVALID under the GTIN), when `fields` names
 * one for its code; returns false for any other error, which the caller shows as a message.
 */
export function showOnField(form: FormInstance, err: unknown, fields: Record<string, (string | number)[] | string>, text: string): boolean {
  if (!(err instanceof ApiError)) return false;
  const field = fields[err.code];
  if (!field) return false;
  form.setFields([{ name: field, errors: [text] }]);
  form.scrollToField(field);
  return true;
}
