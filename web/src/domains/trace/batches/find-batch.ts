import type { Batch } from '../trace.types';
import { traceApi } from '../trace.api';

/** My batch with this 20-digit code, or null (someone else's code, or not a batch of mine). */
export async function findMyBatch(code: string): Promise<Batch | null> {
  if (!/^\d{20}$/.test(code)) return null;
  return (await traceApi.batchByCode(code)).items[0] ?? null;
}
