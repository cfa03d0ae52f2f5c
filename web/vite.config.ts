/// <reference types="node" />
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type IndexHtmlTransformContext, type Plugin } from 'vite';
import { criticalAntdStyles } from './antd-styles';
import { COLD_PAGES } from './src/app/cold-pages';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

/**
 * A brotli (.br) and a gzip (.gz) copy beside every text file of the build, made once here at the strongest
 * settings, so the server sends them without compressing per request (src/platform/http/web.ts).
 */
function precompress(): Plugin {
  const TEXT = /\.(js|css|html|svg|json|txt|map)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return {
    name: 'tracenet-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(path.join(root, 'dist')).filter((f) => TEXT.test(f))) {
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}


/**
 * Writes into index.html, for each page of COLD_PAGES, its code files (its chunk, its domain's words and those they
 * import, beyond what index.html loads anyway) and its style sheets; web/boot.js, inline in index.html, starts them with the page's API reads at once,
 * instead of after the main code has run and the router has asked for the page.
 */
function routePreloads(): Plugin {
  return {
    name: 'tracenet-route-preloads',
    transformIndexHtml: {
      order: 'post',
      async handler(source: string, ctx: IndexHtmlTransformContext) {
        const bundle = ctx.bundle;
        const chunks = bundle ? Object.values(bundle).filter((c) => c.type === 'chunk') : [];
        const closure = (fileName: string, into = new Set<string>()): Set<string> => {
          if (into.has(fileName)) return into;
          into.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          for (const imported of chunk?.imports ?? []) closure(imported, into);
          return into;
        };
        const initial = ctx.chunk ? closure(ctx.chunk.fileName) : new Set<string>();
        const chunkOf = (file: string) => chunks.find((c) => c.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith(`web/${file}`)));
        const routes = Object.values(COLD_PAGES).map(({ pattern, page, domain, api }) => {
          // The page's chunk and its domain's words (app/words.ts), which App.tsx starts loading with the page.
          const files = [chunkOf(page), chunkOf(`src/domains/${domain}/messages.zh.ts`)]
            .flatMap((chunk) => (chunk ? [...closure(chunk.fileName)] : []))
            .filter((f, i, all) => !initial.has(f) && all.indexOf(f) === i);
          const css = files.flatMap((f) => [...(chunks.find((c) => c.fileName === f)?.viteMetadata?.importedCss ?? [])]);
          return { pattern, js: files.map((f) => `/${f}`), css: [...new Set(css)].map((f) => `/${f}`), api };
        });
        // The entry's own style sheet goes inline too: a small file, and one round trip and connection fewer. With
        // antd's styles for the first page before it (the shell's override some of them, as when antd adds its own at
        // run time, at the top of the head); both after boot.js, whose reads need not wait for 100 kB of styles.
        const entryCss = new Set(ctx.chunk?.viteMetadata?.importedCss ?? []);
        const styles: string[] = bundle ? [await criticalAntdStyles()] : [];
        const html = source.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/g, (link, file: string) => {
          const asset = entryCss.has(file) ? bundle?.[file] : undefined;
          if (asset?.type !== 'asset') return link;
          styles.push(String(asset.source));
          return '';
        });
        const tags = [
          { tag: 'script', attrs: { type: 'application/json', id: 'tn-routes' }, children: JSON.stringify(bundle ? routes : []), injectTo: 'head' },
          // Inline rather than /boot.js: a file of its own cost a round trip (half a second on 3G) before the page's
          // reads could start. The CSP allows it by its hash, which the server takes from the built index.html.
          { tag: 'script', children: bootScript(), injectTo: 'head' },
          ...styles.map((css) => ({ tag: 'style', children: css, injectTo: 'head' as const })),
        ] satisfies HtmlTagDescriptor[];
        return { html, tags };
      },
    },
  };
}

/** web/boot.js without its comment lines, to go inline in index.html. */
function bootScript(): string {
  return readFileSync(path.join(root, 'boot.js'), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n')
    .trim();
}

/**
 * What the two batch pages a phone opens cold take beyond the shell, in one chunk: the pages themselves, the
 * console's shared parts and the trace domain's helpers; with rolldown's default `includeDependenciesRecursively`
 * the group also takes what these import (the few antd widgets and icons they show), and nothing the pages load
 * lazily (drawers, filters, pickers). Other pages take it too for the shared parts, and split the rest by page.
 */
function isCommon(id: string): boolean {
  const path = id.replaceAll('\\', '/');
  return (
    /web\/src\/domains\/trace\/batches\/(BatchesPage|BatchDetailPage)\.tsx$/.test(path) ||
    // Not the shell's parts loaded on demand (menus, Result, the public pages' shell) nor the English words (loaded when chosen).
    /web\/src\/app\/(?!CursorTable|SiderMenu|UserMenu|LazyResult|PublicShell|english\.|messages\.[\w-]+\.en\.|messages\.en\.)/.test(path) ||
    // A rule several domains' forms share (a phone number's pattern): not a chunk of its own.
    /web\/src\/shared\/phone\./.test(path) ||
    /web\/src\/domains\/trace\/(batches\/BatchItem|batches\/BatchFacts|TracePageTitle|trace-labels|trace\.api|master-data\/use-all)\./.test(path) ||
    // The value tables the pages read (issue 20 §1: once in app/types.ts, now the server's *.shared.ts), not a chunk each.
    /src\/domains\/(registry\/(subjects\/subject-values|subjects\/subject-units|accounts\/agency-values)|trace\/(units|trace-values))\.shared\.|web\/src\/domains\/[^/]+\/(?:[^/]+\/)?[^/]+\.types\./.test(path)
  );
}

/**
 * The first screen of /my-subject, where a producer's account lands (issue 15 §9): its page, header, identity card
 * and their helpers, with (rolldown's includeDependenciesRecursively) the antd widgets they show (card, typography,
 * popconfirm…) in one chunk; apart, these were some fifteen files, six at a time, each a round trip on 3G. The
 * cards below the first screen (MySubjectSections) stay lazy.
 */
function isSubjectFirstScreen(id: string): boolean {
  return /web\/src\/domains\/registry\/subjects\/(MySubjectPage|SubjectHeader|IdentityCard|StatusTag|subject-labels|subject\.api)\./.test(id.replaceAll('\\', '/'));
}

// The console: built into web/dist and served by the API process; in development, Vite serves it on 5173
// and forwards /api to the API process.
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), routePreloads(), precompress()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { port: 5173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Few requests on a phone's first load (HTTP/1.1: six at a time, each a round trip of half a second on 3G):
        // what the entry loads goes in three chunks, React, the other libraries (antd's core and the widgets the
        // shell uses) and the console's own code; the rest (antd's tables, pickers, forms…) stays split by the lazy
        // pages that use it. `$initial`: the modules the entry imports statically. What most pages take besides
        // (icons, cards, tags, the console's shared parts, the trace domain's labels) is one more chunk, not twenty.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 4 },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 3 },
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'common', test: isCommon, priority: 1 },
            { name: 'subject', test: isSubjectFirstScreen, priority: 0 },
          ],
        },
      },
    },
  },
});
