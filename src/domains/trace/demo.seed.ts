import type { CommandContext, SubjectActor } from '../../platform/auth/actor.js';
import { todayInChina } from '../../platform/china-time.js';
import { recordBatch } from './batches/batch.service.js';
import { batchCertificate } from './labels/label.service.js';
import { createMarketEntry } from './movements/market-entry.service.js';
import { addBase, addProduct } from './master-data/master-data.service.js';
import { createTrade } from './movements/trade.service.js';
import { confirmTrade } from './movements/trade.scan.js';
import type { TradeDeps } from './movements/trade.common.js';

const daysAgo = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo traceability for a newcomer's first start: sg-coop (化龙镇) grows tomatoes on a base, prints a
 * 承诺达标合格证, sells to sg-farmer who confirms and takes part into a wholesale market, so the workbench, the
 * chain view, the recall list and the public page (`/t/{code}`) all have something to show. Written through the
 * same services as the console, so it obeys every rule they do. Answers the market-entry voucher's code.
 */
export async function seedDemoTrace(deps: TradeDeps, coop: SubjectActor, farmer: { actor: SubjectActor; token: string }): Promise<string> {
  const ctx = (actor: SubjectActor): CommandContext => ({ actor, meta: { requestId: 'seed-trace', ip: '127.0.0.1' } });
  const base = await addBase(deps, ctx(coop), { name: '化龙镇 3 号大棚', regionCode: coop.subject.regionCode, address: '化龙镇裴岭村北', area: 12, areaUnit: 'mu', lat: 36.87, lng: 118.64 });
  const product = await addProduct(deps, ctx(coop), { name: '寿光番茄', classCode: '03010101', spec: '5kg/箱', unit: 'kg', brand: '绿源', gtin: '06901234567892' });
  const batch = await recordBatch(deps, ctx(coop), {
    productId: product.id,
    baseId: base.id,
    quantity: 800,
    unit: 'kg',
    harvestDate: daysAgo(2),
    inputs: [{ kind: 'pesticide', name: '阿维菌素乳油', dose: 30, doseUnit: 'ml', appliedOn: daysAgo(20) }],
    selfCheck: { result: 'pass' },
  });
  await batchCertificate(deps, coop, batch.id, { format: 'svg', layout: 'roll-104' });
  const sale = await createTrade(deps, ctx(coop), { batchId: batch.id, buyerToken: farmer.token, quantity: 200, unit: 'kg', carrier: { company: '寿光物流', plate: '鲁G12345' }, storage: '冷藏 4℃' });
  const bought = await confirmTrade(deps, ctx(farmer.actor), sale.id);
  const entry = await createMarketEntry(deps, ctx(farmer.actor), { batchId: bought.buyerBatchId!, quantity: 60, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', address: '寿光市文圣街 8 号', stall: 'A区12号' } });
  return entry.buyerBatchCode!;
}
