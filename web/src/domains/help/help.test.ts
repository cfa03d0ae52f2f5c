import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../../../test/console-routes';
import { GUIDES, audiencesOf, parseGuide, searchGuides, sectionFor } from './guides';

const WEB = path.resolve(import.meta.dirname, '../../..');

describe('help centre', () => {
  it('finds the console routes it checks (the parser of the domains\' index files still works)', () => {
    const routes = consoleRoutes();
    expect(routes).toContain('/trace/batches/:id');
    expect(routes).toContain('/register/status/:code/edit');
    expect(routes).toContain('/register');
    expect(routes.length).toBeGreaterThan(40);
  });

  it('has a guide section for every route of the console', () => {
    const explained = new Set(GUIDES.flatMap((g) => g.sections.flatMap((s) => s.routes)));
    const missing = consoleRoutes().filter((r) => !explained.has(r));
    expect(missing, `routes without a help entry: add "<!-- routes: … -->" to a section of web/src/domains/help/guides`).toEqual([]);
  });

  it('has a guide for each role the issue names, each section with text', () => {
    const audiences = new Set(GUIDES.flatMap((g) => g.audience));
    for (const a of ['admin', 'county', 'township', 'lab', 'enforcement', 'producer']) expect(audiences).toContain(a);
    for (const g of GUIDES) {
      expect(g.title).not.toBe(g.slug);
      for (const s of g.sections) expect(s.body.length, `${g.slug} › ${s.title}`).toBeGreaterThan(20);
    }
  });

  it('shows only screenshots that exist', () => {
    for (const g of GUIDES) {
      const text = [g.intro, ...g.sections.map((s) => s.body)].join('\n');
      for (const m of text.matchAll(/!\[[^\]]*\]\((\/help\/[^)]+)\)/g)) {
        expect(existsSync(path.join(WEB, 'public', m[1]!)), `${g.slug}: ${m[1]}`).toBe(true);
      }
    }
  });

  it("opens the reader's own guide for a page several guides explain, a literal route before a parameter", () => {
    expect(sectionFor('/trace/lookup', ['enforcement'])?.guide.slug).toBe('enforcement');
    expect(sectionFor('/trace/lookup', ['county'])?.guide.slug).toBe('county');
    const newBatch = sectionFor('/trace/batches/new', ['producer']);
    expect(newBatch?.section.routes).toContain('/trace/batches/new');
    expect(sectionFor('/trace/batches/0192e3a4', ['producer'])?.section.routes).toContain('/trace/batches/:id');
    expect(sectionFor('/no/such/page', ['producer'])).toBeNull();
  });

  it('searches every word of the query in titles and text', () => {
    const hits = searchGuides('召回 持有者');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(`${h.section.title}${h.section.body}`).toMatch(/召回/);
    expect(searchGuides('   ')).toEqual([]);
  });

  it('reads a guide: title, audience, sections and their routes', () => {
    const g = parseGuide('x', '# 标题\n<!-- audience: lab county -->\n引言\n\n## 一\n<!-- routes: /a /b/:id -->\n正文一\n## 二\n正文二\n');
    expect(g).toMatchObject({ title: '标题', audience: ['lab', 'county'], intro: '引言' });
    expect(g.sections.map((s) => [s.title, s.routes, s.body])).toEqual([
      ['一', ['/a', '/b/:id'], '正文一'],
      ['二', [], '正文二'],
    ]);
  });

  it('gives each kind of account its audiences', () => {
    const user = { role: 'staff' };
    expect(audiencesOf({ subject: {}, agency: null, user, permissions: [] })).toEqual(['producer']);
    expect(audiencesOf({ subject: null, agency: { kind: 'supervision', level: 'township' }, user, permissions: [] })).toEqual(['township']);
    expect(audiencesOf({ subject: null, agency: { kind: 'testing', level: 'county' }, user: { role: 'admin' }, permissions: [] })).toEqual(['lab', 'admin']);
  });
});
