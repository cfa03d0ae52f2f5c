// Architecture rules of DESIGN.md §5, checked on every import:
//  - a domain reaches another domain only through that domain's index.ts;
//  - the platform kernel never imports a domain;
//  - routes files hold no SQL: they import neither drizzle-orm nor a schema.ts;
//  - the web console imports from the server only the domains' contracts.ts.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

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
      if (!source.startsWith('.')) return;
      const to = where(path.resolve(path.dirname(context.filename), source.replace(/\.js$/, '.ts')));
      if (from.area === 'platform' && to.area === 'domain') return report('the platform kernel must not import a domain');
      if (from.area === 'domain' && to.area === 'domain' && to.domain !== from.domain && to.rest !== 'index.ts') {
        return report(`reach domain "${to.domain}" through its index.ts, not ${to.rest}`);
      }
      if (from.area === 'web' && to.rel.startsWith('src/') && !(to.area === 'domain' && to.rest === 'contracts.ts')) {
        return report('the web console may import only the domains\u2019 contracts.ts from the server');
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
