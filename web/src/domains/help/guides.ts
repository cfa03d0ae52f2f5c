import { matchPath } from 'react-router';

// The operation guides (操作手册) are Markdown files beside this module, one per role. Each `## ` section names the
// console routes it explains in a comment line (`<!-- routes: /trace/batches /trace/batches/:id -->`), which is how
// a page's 本页帮助 finds its section and how a test checks that every route of the console has one.

export type HelpSection = { id: string; title: string; routes: string[]; body: string };
export type HelpGuide = { slug: string; title: string; audience: string[]; intro: string; sections: HelpSection[] };

const ROUTES = /^<!--\s*routes:\s*(.*?)\s*-->\s*$/;
const AUDIENCE = /^<!--\s*audience:\s*(.*?)\s*-->\s*$/;

/** Reads one guide's Markdown: the `# ` title, an optional audience line, the introduction and the `## ` sections. */
export function parseGuide(slug: string, markdown: string): HelpGuide {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  let title = slug;
  let audience: string[] = [];
  const intro: string[] = [];
  const sections: HelpSection[] = [];
  let current: HelpSection | null = null;
  for (const line of lines) {
    if (line.startsWith('# ') && !current && title === slug) {
      title = line.slice(2).trim();
      continue;
    }
    if (line.startsWith('## ')) {
      current = { id: `${slug}-${sections.length + 1}`, title: line.slice(3).trim(), routes: [], body: '' };
      sections.push(current);
      continue;
    }
    const routes = ROUTES.exec(line);
    if (routes && current) {
      current.routes.push(...routes[1]!.split(/\s+/).filter(Boolean));
      continue;
    }
    const who = AUDIENCE.exec(line);
    if (who && !current) {
      audience = who[1]!.split(/\s+/).filter(Boolean);
      continue;
    }
    if (current) current.body += `${line}\n`;
    else intro.push(line);
  }
  for (const s of sections) s.body = s.body.trim();
  return { slug, title, audience, intro: intro.join('\n').trim(), sections };
}

const files = import.meta.glob<string>('./guides/*.md', { query: '?raw', import: 'default', eager: true });

/** Every guide, in the order of their file names (which start with a number). */
export const GUIDES: HelpGuide[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([file, text]) => parseGuide(file.replace(/^.*\/\d+-/, '').replace(/\.md$/, ''), text));

/** The section explaining this address: of a guide for the reader's audiences first, else of any guide. */
export function sectionFor(pathname: string, audiences: string[], guides: HelpGuide[] = GUIDES): { guide: HelpGuide; section: HelpSection } | null {
  const matches: { guide: HelpGuide; section: HelpSection; params: number; preferred: boolean }[] = [];
  for (const guide of guides) {
    for (const section of guide.sections) {
      for (const route of section.routes) {
        if (matchPath({ path: route, end: true }, pathname)) {
          matches.push({ guide, section, params: (route.match(/:/g) ?? []).length, preferred: guide.audience.some((a) => audiences.includes(a)) });
        }
      }
    }
  }
  // A literal route beats a parameter (/trace/batches/new before /trace/batches/:id); the reader's own guide wins.
  matches.sort((a, b) => a.params - b.params || Number(b.preferred) - Number(a.preferred));
  const best = matches[0];
  return best ? { guide: best.guide, section: best.section } : null;
}

/** Sections whose title or text holds every word of the query. */
export function searchGuides(query: string, guides: HelpGuide[] = GUIDES): { guide: HelpGuide; section: HelpSection }[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: { guide: HelpGuide; section: HelpSection }[] = [];
  for (const guide of guides) {
    for (const section of guide.sections) {
      const text = `${section.title}\n${section.body}`.toLowerCase();
      if (words.every((w) => text.includes(w))) hits.push({ guide, section });
    }
  }
  return hits;
}

/** The audiences a signed-in account reads first: its kind of agency and level, or a producer's. */
export function audiencesOf(me: { subject: unknown; agency: { kind: string; level: string } | null; user: { role: string }; permissions: string[] }): string[] {
  if (me.subject) return ['producer'];
  if (!me.agency) return [];
  const out: string[] = [];
  if (me.permissions.includes('backup.read') || me.permissions.includes('feedback.handle')) out.push('ops');
  if (me.agency.kind === 'testing') out.push('lab');
  if (me.agency.kind === 'enforcement') out.push('enforcement');
  if (me.agency.kind === 'market') out.push('market');
  if (me.agency.kind === 'supervision') out.push(me.agency.level === 'township' ? 'township' : 'county');
  if (me.user.role === 'admin') out.push('admin');
  return out;
}
