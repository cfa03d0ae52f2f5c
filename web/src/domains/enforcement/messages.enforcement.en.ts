import type { enforcementZh } from './messages.enforcement.zh';

export const enforcementEn: Record<keyof typeof enforcementZh, string> = {
  'menu.cases': 'Enforcement cases',
};
