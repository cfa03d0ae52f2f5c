import type { Batch } from '../../app/types';
import { traceApi } from './trace.api';

/**
 * My batch with this code, or null. The batch list has no code filter yet, so this reads my batches newest
 * first, a bounded number of pages: a code scanned on the spot is nearly always of a recent batch.
 */
export async function findMyBatch(code: string, maxPages = 5): Promise<Batch | null> {
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await traceApi.batches(cursor, 200);
    const found = page.items.find((b) => b.code === code);
    if (found) return found;
    if (!page.nextCursor) return null;
    cursor = page.nextCursor;
  }
  return null;
}
