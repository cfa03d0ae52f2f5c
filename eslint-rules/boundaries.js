// Architecture rules of DESIGN.md §5, checked on every import:
//  - a domain reaches another domain only through that domain's index.ts (a contracts.ts or *.shared.ts may import
//    another domain's contracts.ts or *.shared.ts);
//  - the platform kernel never imports a domain;
//  - routes files hold no SQL: they import neither drizzle-orm nor a schema.ts;
//  - the web console imports from the server only contracts (contracts.ts, *.contracts.ts) and *.shared.ts modules;
//  - a *.shared.ts module is meant for both sides (server and console), so it imports nothing server-only: of
//    packages only zod, and of the project's own files only other *.shared.ts modules;
//  - a contract is read by the console too (its types, issue 20 §1): of packages it imports only zod, and of the
//    project's own files only other contracts and *.shared.ts modules (never Fastify, the database or node:).
//  - a domain's index.ts exports no SQL fragment naming its tables (`…Sql`): another domain reads through a view the
//    owning domain declares in its schema.ts (issue 20 §3);
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

const SHARED = /\.shared\.ts$/;
const CONTRACT = /(^|[/.])contracts\.ts$/;
/** A server module the console may import: a contract, or a module shared by both sides. */
const forTheConsole = (rel) => SHARED.test(rel) || CONTRACT.test(rel);
/** The one package a contract or shared module may import: the schemas' own library. */
const BOTH_SIDES_PACKAGES = new Set(['zod']);

/**
 * Fragments still exported while their views are written (issue 20 §3); the list only shrinks. Each reads
 * decrypted or masked data (contacts, identity codes) or a region's name, which a view cannot yet express as the
 * fragment does.
 */
const FRAGMENTS_LEFT = new Set(['subjectContactSql', 'subjectIdsOfShownIdentitySql', 'subjectOfIdentityTokenSql', 'regionNameSql', 'noticeAudienceSql']);

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
      // A contract may build on another domain's contract or name its vocabulary (its *.shared.ts): both are the
      // console's too, and index.ts would pull server code into the console.
      const contractToContract = bothSides && forTheConsole(to.rel);
      // A foreign key names the other domain's table: a schema.ts may import another domain's schema.ts, for that alone.
      const schemaToSchema = from.area === 'domain' && /(^|\/)schema\.ts$/.test(from.rest) && /(^|\/)schema\.ts$/.test(to.rest ?? '');
      if (from.area === 'domain' && to.area === 'domain' && to.domain !== from.domain && to.rest !== 'index.ts' && !contractToContract && !schemaToSchema) {
        return report(`reach domain "${to.domain}" through its index.ts, not ${to.rest}`);
      }
      if (from.area === 'web' && to.rel.startsWith('src/') && !forTheConsole(to.rel)) {
        return report('the web console may import from the server only contracts and *.shared.ts modules');
      }
    }
    function checkExports(node) {
      if (from.area !== 'domain' || from.rest !== 'index.ts') return;
      for (const spec of node.specifiers ?? []) {
        const name = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
        if (/Sql$/.test(name) && !FRAGMENTS_LEFT.has(name)) {
          context.report({ node: spec, messageId: 'bad', data: { why: `a domain exports no SQL fragment (${name}): declare a view in its schema.ts and export that` } });
        }
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => {
        checkExports(node);
        if (node.source) check(node, node.source.value);
      },
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { imports: rule } };
