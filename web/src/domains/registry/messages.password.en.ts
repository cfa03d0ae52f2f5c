import type { passwordZh } from './messages.password.zh';

export const passwordEn: Record<keyof typeof passwordZh, string> = {
  'password.tooCommon': 'must not be a commonly used password',
};
