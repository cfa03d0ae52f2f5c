import type { shellZh } from './messages.shell.zh';

export const shellEn: Record<keyof typeof shellZh, string> = {
  'menu.market': 'Market regulation',
  'menu.marketVouchers': 'Market-entry vouchers',
  'menu.marketVerify': 'Bulk code check',
};
