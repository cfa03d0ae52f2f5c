import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import type { AnimalDetails } from '../animal.shared.js';
import { batches } from '../schema.js';

/** A batch's animal details (species, tissue, slaughter, quarantine certificate), for the lab judging a sample of it. */
export async function batchAnimalDetails(db: Executor, batchId: string | null): Promise<AnimalDetails | null> {
  if (!batchId) return null;
  const [row] = await db.select({ animal: batches.animal }).from(batches).where(eq(batches.id, batchId));
  return row?.animal ?? null;
}
