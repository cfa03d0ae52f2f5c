import { afterAll } from 'vitest';

// pg queues a query sent on a connection that is still running another (a Promise.all over one transaction's reads)
// and warns once per process; pg 9 refuses it. On PostgreSQL a test file whose code did so fails here.
let busy: Error | undefined;
process.on('warning', (w) => {
  if (w.name === 'DeprecationWarning' && /already executing a query/.test(w.message)) busy ??= w;
});

afterAll(() => {
  if (busy) throw new Error(`a query was sent on a busy connection (run its statements one after another): ${busy.message}`);
});
