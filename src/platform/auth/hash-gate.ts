import { availableParallelism } from 'node:os';
import { httpError } from '../http/errors.js';

/**
 * Bounds the Argon2id hashes computed at once. Each takes ~30 ms of a core and 19 MiB; unbounded, a flood of login
 * requests fills the thread pool and both cores, and every other route (and the event loop) slows with it. Beyond
 * the slots, requests wait in a bounded queue; when that is full the login is refused at once (503), costing nothing.
 */
export type HashGate = {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** For tests and metrics: hashes running now, waiting now, and the most ever running at once. */
  stats(): { running: number; waiting: number; peak: number };
};

export function createHashGate(concurrency: number, maxWaiting = concurrency * 64): HashGate {
  let running = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  return {
    async run(work) {
      if (running >= concurrency) {
        if (waiting.length >= maxWaiting) throw httpError('SERVER_BUSY');
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      running++;
      peak = Math.max(peak, running);
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length, peak }),
  };
}

let gate = createHashGate(Math.max(1, availableParallelism() - 1));

/** Set once by buildApp from HASH_CONCURRENCY (one process, one pool of cores). */
export function configureHashGate(concurrency: number): void {
  // Hashes already queued finish on the gate they entered; new ones take the new size.
  gate = createHashGate(concurrency);
}

export function hashGate(): HashGate {
  return gate;
}
