import { describe, expect, it } from 'vitest';
import { createHashGate } from './hash-gate.js';

describe('hash gate', () => {
  it('runs at most its concurrency at once, queues the rest, and refuses at once beyond the queue (503 SERVER_BUSY)', async () => {
    const gate = createHashGate(2, 3);
    let running = 0;
    let most = 0;
    const work = () =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return 'done';
      });
    const results = await Promise.allSettled(Array.from({ length: 7 }, work));
    expect(most).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(2);
    expect(refused[0]!.reason).toMatchObject({ code: 'SERVER_BUSY', status: 503 });
    expect(gate.stats()).toEqual({ running: 0, waiting: 0, peak: 2 });
  });
});
