import { describe, expect, it } from 'vitest';
import { CONSOLE_DOMAINS } from '../domains';
import { entryOf, menuFor } from './menu';
import type { Permission } from './types';

// The menu is gathered from the domains (issue 20 §5); its order is each role's home page (the first entry it sees).

const everything = { agency: { level: 'county' as const }, can: () => true };

describe('the menu gathered from the console domains', () => {
  it('keeps the order the single menu list had, 首页 first', () => {
    expect(menuFor(everything).map((m) => m.path)).toEqual([
      '/home',
      // Only a market regulator holds trace.market: its desk comes right after 首页, so it lands there.
      '/market', '/market/vouchers', '/market/verify',
      '/agencies', '/allocate', '/users', '/applications', '/change-requests', '/import', '/subjects', '/notices',
      '/trace-checks',
      '/supervision/tasks', '/supervision/field', '/supervision/inspections', '/supervision/checklists', '/enforcement/cases',
      '/monitoring/sampling', '/monitoring/samples',
      '/analytics/statistics', '/analytics/monitors', '/analytics/rectifications', '/analytics/assessment', '/analytics/reports',
      '/monitoring/summaries', '/coverage', '/monitoring/alerts', '/monitoring/lab', '/monitoring/reference',
      '/trace/lookup', '/my-subject', '/trace/batches', '/trace/trades', '/scan', '/trace/products', '/trace/bases',
      '/audit', '/ops/backups', '/ops/jobs', '/ops/feedback', '/ops/incidents', '/ops/announcements', '/integration',
      '/account', '/feedback/mine', '/help',
    ]);
  });

  it('gives a producer its own entries and a ministry official no field tool', () => {
    const producer = { agency: null, can: (p: Permission) => ['trace.read', 'trace.write', 'subject.self', 'notice.read'].includes(p) };
    expect(menuFor(producer).map((m) => m.path)).toEqual(['/home', '/my-subject', '/inbox', '/trace/batches', '/trace/trades', '/trace/recall-notices', '/scan', '/trace/products', '/trace/bases', '/account', '/help']);
    expect(menuFor({ agency: { level: 'ministry' }, can: () => true }).map((m) => m.path)).not.toContain('/supervision/field');
  });

  it('never lets two domains give one key different words (the later domain would silently win)', async () => {
    const seen = new Map<string, { domain: string; words: string }>();
    const clashes: string[] = [];
    for (const d of CONSOLE_DOMAINS) {
      // A domain's shell words (menu labels, header widgets) and its pages' words, loaded apart, are one set of keys.
      const all: Record<string, string> = { ...d.messages.shell, ...(await d.messages.zh()) };
      for (const [key, words] of Object.entries(all)) {
        const before = seen.get(key);
        if (before && before.words !== words) clashes.push(`${key}: ${before.domain} / ${d.name}`);
        seen.set(key, { domain: d.name, words });
      }
    }
    expect(clashes).toEqual([]);
  });

  it('finds the entry of a deeper page, and every entry has a page of its own domain', () => {
    expect(entryOf('/trace/batches/123')?.path).toBe('/trace/batches');
    for (const d of CONSOLE_DOMAINS) {
      const routes = new Set(d.routes.map((r) => `/${r.path}`));
      for (const m of d.menu) expect({ domain: d.name, entry: m.path, routed: routes.has(m.path) }).toEqual({ domain: d.name, entry: m.path, routed: true });
    }
  });
});
