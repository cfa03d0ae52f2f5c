/**
 * The pages a producer opens cold on a phone, with their console domain (whose words they wait for, app/words.ts) and
 * the API reads each makes first (`:1` is the path's first group). web/vite.config.ts writes each page's code files,
 * its domain's words and these reads into index.html for web/boot.js to start at once;
 * App.tsx starts importing the page's module as soon as it runs (lazyPage). A read listed here must be the very URL
 * the page asks for (web/src/app/api.ts takes it only then): e2e/phone-3g times these pages.
 */
export type ColdPage = { pattern: string; page: string; domain: string; api: string[] };

export const COLD_PAGES = {
  batches: { pattern: '^/trace/batches/?$', page: 'src/domains/trace/batches/BatchesPage.tsx', domain: 'trace', api: ['/api/v1/trace/batches?limit=20'] },
  batch: { pattern: '^/trace/batches/([0-9a-f-]{36})$', page: 'src/domains/trace/batches/BatchDetailPage.tsx', domain: 'trace', api: ['/api/v1/trace/batches/:1'] },
  mySubject: { pattern: '^/my-subject$', page: 'src/domains/registry/subjects/MySubjectPage.tsx', domain: 'registry', api: ['/api/v1/registry/my-subject'] },
} satisfies Record<string, ColdPage>;
