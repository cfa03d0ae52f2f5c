import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi, OPENAPI_FILE } from './openapi.js';

describe('openapi.json', () => {
  it('is up to date with the route schemas (run `npm run openapi` and commit the diff)', async () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(await generateOpenApi()));
  });

  it('documents every /api/v1 route with a summary', async () => {
    const doc = JSON.parse(await generateOpenApi()) as { paths: Record<string, Record<string, { summary?: string }>> };
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ p, m, op })));
    expect(operations.length).toBeGreaterThan(10);
    for (const { p, m, op } of operations) expect(op.summary, `${m.toUpperCase()} ${p}`).toBeTruthy();
  });
});
