// Architecture rules of DESIGN.md §5, checked on every import:
//  - a domain reaches another domain only through that domain's index.ts;
//  - the platform kernel never imports a domain;
//  - routes files hold no SQL: they import neither drizzle-orm nor a schema.ts;
//  - the web console imports from the server only contracts (contracts.ts, *.contracts.ts) and *.shared.ts modules;
//  - a *.shared.ts module is meant for both sides (server and console), so it imports nothing server-only: of
//    packages only zod, and of the project's own files only other *.shared.ts modules;
//  - a contract is read by the console too (its types, issue 20 §1): of packages it imports only zod, and of the
//    project's own files only other contracts and *.shared.ts modules (never Fastify, the database or node:).
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

const SHARED = /\.shared\.ts$/;
const CONTRACT = /(^|[/.])contracts\.ts$/;
/** A server module the console may import: a contract, or a module shared by both sides. */
const forTheConsole = (rel) => SHARED.test(rel) || CONTRACT.test(rel);
/** The one package a contract or shared module may import: the schemas' own library. */
const BOTH_SIDES_PACKAGES = new Set(['zod']);

/** The file an import names: `./x.js` is `./x.ts`, and the console's `./x` (bundler resolution) too. */
function target(file, source) {
  const named = /\.tsx?$/.test(source) ? source : source.replace(/\.js$/, '') + '.ts';
  return path.resolve(path.dirname(file), named);
}

function where(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const domain = /^src\/domains\/([^/]+)\/(.+)$/.exec(rel);
  if (domain) return { area: 'domain', domain: domain[1], rest: domain[2], rel };
  if (rel.startsWith('src/platform/')) return { area: 'platform', rel };
  if (rel.startsWith('web/')) return { area: 'web', rel };
  return { area: 'other', rel };
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: { type: 'problem', messages: { bad: '{{why}}' }, schema: [] },
  create(context) {
    const from = where(context.filename);
    function check(node, source) {
      if (typeof source !== 'string') return;
      const report = (why) => context.report({ node, messageId: 'bad', data: { why } });
      if (from.area === 'domain' && /routes\.ts$/.test(from.rest) && (source === 'drizzle-orm' || /\/schema(\.js)?$/.test(source))) {
        return report('routes hold no SQL: call a service or query module instead');
      }
      const bothSides = from.area !== 'web' && (SHARED.test(from.rel) || CONTRACT.test(from.rel));
      if (bothSides && !source.startsWith('.') && !BOTH_SIDES_PACKAGES.has(source)) {
        return report(`${from.rel} is also the console\u2019s: of packages it imports only zod, not ${source}`);
      }
      if (!source.startsWith('.')) return;
      const to = where(target(context.filename, source));
      if (SHARED.test(from.rel) && !SHARED.test(to.rel)) return report('a *.shared.ts module is also the console\u2019s: it imports only other *.shared.ts modules');
      if (bothSides && !forTheConsole(to.rel)) return report('a contract is also the console\u2019s: it imports only other contracts and *.shared.ts modules (split zod-only parts into a *.shared.ts)');
      if (from.area === 'platform' && to.area === 'domain') return report('the platform kernel must not import a domain');
      // A contract may name another domain's vocabulary (its *.shared.ts) directly: the index would bring server code.
      const sharedVocabulary = bothSides && SHARED.test(to.rel);
      if (from.area === 'domain' && to.area === 'domain' && to.domain !== from.domain && to.rest !== 'index.ts' && !sharedVocabulary) {
        return report(`reach domain "${to.domain}" through its index.ts, not ${to.rest}`);
      }
      if (from.area === 'web' && to.rel.startsWith('src/') && !forTheConsole(to.rel)) {
        return report('the web console may import from the server only contracts and *.shared.ts modules');
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { imports: rule } };
