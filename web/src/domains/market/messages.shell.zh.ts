// What the shell shows of this domain before any of its pages (its menu labels): with the main code.
export const shellZh = {
  'menu.market': '市场监管',
  'menu.marketVouchers': '入市凭证',
  'menu.marketVerify': '批量核验',
} as const;
