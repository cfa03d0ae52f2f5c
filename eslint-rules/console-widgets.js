// Issue 20 §3: a console widget (a component, a .tsx module, a style sheet) that more than one domain uses lives in
// web/src/shared (or the shell's web/src/app); a domain never takes one from another domain's folder, and a shared
// widget never builds on a domain's. A domain's client (`*.api.ts`), types and plain label modules stay importable:
// they are data, not pieces of another domain's pages.
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

function place(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const domain = /^web\/src\/domains\/([^/]+)\//.exec(rel);
  if (domain) return { area: 'domain', domain: domain[1], rel };
  if (rel.startsWith('web/src/shared/')) return { area: 'shared', rel };
  return { area: 'other', rel };
}

/** A module that renders or styles: a style sheet, a .tsx file, or a PascalCase module (a component's file). */
function isWidget(resolved, source) {
  if (/\.(css|tsx)$/.test(source)) return true;
  if (/^[A-Z]/.test(path.basename(source))) return true;
  return existsSync(`${resolved}.tsx`);
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: { type: 'problem', messages: { bad: '{{why}}' }, schema: [] },
  create(context) {
    const from = place(context.filename);
    if (from.area === 'other') return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(context.filename), source);
      const to = place(resolved);
      if (to.area !== 'domain' || !isWidget(resolved, source)) return;
      if (from.area === 'domain' && to.domain !== from.domain) {
        context.report({ node, messageId: 'bad', data: { why: `a widget of domain "${to.domain}" is not another domain's: move it to web/src/shared (${to.rel})` } });
      } else if (from.area === 'shared') {
        context.report({ node, messageId: 'bad', data: { why: `a shared widget builds on web/src/app and web/src/shared only, not on domain "${to.domain}"'s ${to.rel}` } });
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
