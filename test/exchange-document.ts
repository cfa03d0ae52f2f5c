import { uscc } from './subjects.js';

// A provincial platform's document of 10,000 items (issue 17 §2) for the exchange bench and the kill -9 test: per ten
// items a subject of 寿光, a base, a product, four batches with the province's codes, two trades to the next group's
// subject and a market entry. `bad` makes the last product's class unknown (the whole document is refused).

export const EXCHANGE_ITEMS = 10_000;

export function exchangeDocument(d: number, opts: { bad?: boolean } = {}) {
  const groups = EXCHANGE_ITEMS / 10;
  const g = (i: number) => `${d}-${i}`;
  return {
    documentId: `BENCH-${d}`,
    subjects: Array.from({ length: groups }, (_, i) => ({
      id: `S${g(i)}`,
      category: 2,
      orgForm: 0,
      name: `寿光交换主体${g(i)}`,
      industries: ['planting'],
      idKind: 'uscc',
      idNumber: uscc(d * 100_000 + i),
      phone: '13800138000',
      townshipCode: '370783100',
      address: '化龙镇裴岭村',
      lat: 36.87,
      lng: 118.64,
      approvedBy: '寿光市农业农村局',
      approvedOn: '2026-10-01',
    })),
    bases: Array.from({ length: groups }, (_, i) => ({ id: `B${g(i)}`, subject: `S${g(i)}`, name: '1 号大棚', regionCode: '370783100', address: '化龙镇裴岭村', lat: 36.87, lng: 118.64 })),
    products: Array.from({ length: groups }, (_, i) => ({ id: `P${g(i)}`, subject: `S${g(i)}`, name: '黄瓜', classCode: opts.bad && i === groups - 1 ? '99999999' : '04', spec: '散装', unit: 'kg' })),
    batches: Array.from({ length: groups * 4 }, (_, j) => {
      const i = Math.floor(j / 4);
      return { id: `L${g(j)}`, product: `P${g(i)}`, base: `B${g(i)}`, quantity: 100, unit: 'kg', harvestDate: '2026-11-20', codes: [`SD${g(j)}`] };
    }),
    trades: Array.from({ length: groups * 2 }, (_, j) => {
      const i = Math.floor(j / 2);
      return { id: `T${g(j)}`, batch: `L${g(i * 4 + (j % 2))}`, buyer: `S${g((i + 1) % groups)}`, quantity: 40 };
    }),
    marketEntries: Array.from({ length: groups }, (_, i) => ({ id: `M${g(i)}`, batch: `L${g(i * 4 + 2)}`, market: { kind: 'wholesale', name: '寿光农产品物流园' }, quantity: 30 })),
  };
}
