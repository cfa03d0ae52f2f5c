import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from './eslint-rules/boundaries.js';
import consoleWidgets from './eslint-rules/console-widgets.js';
import punctuation from './eslint-rules/full-width-punctuation.js';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'web/dist', 'e2e/artifacts', '.tmp', 'coverage', 'db/migrations/meta'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { boundaries, punctuation },
    rules: {
      'boundaries/imports': 'error',
      // Chinese text takes full-width ，：；（）！？ (developers' guide); `npx eslint --fix` repairs it.
      'punctuation/full-width-punctuation': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'console-widgets': consoleWidgets },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Issue 20 §3: a widget two domains use lives in web/src/shared.
      'console-widgets/imports': 'error',
      // antd's InputNumber replaces a typed value outside min/max on blur: a limit is a form rule (app/number-limit.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name='InputNumber'] > JSXAttribute[name.name=/^(min|max)$/]",
          message: 'InputNumber min/max silently rewrite what was typed; use limitRule from app/number-limit.ts instead.',
        },
      ],
    },
  },
  {
    // Issue 20 §2: jurisdiction is tested in one place (platform/auth/jurisdiction.ts, visibility.ts), as an index range
    // in SQL; a region compared by hand, or a LIKE on a region column, is how the rule got spread over 24 files.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/auth/jurisdiction.ts', 'src/platform/auth/visibility.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='startsWith'][callee.object.property.name=/^(regionCode|originRegion|publisherRegion|agencyRegion|jurisdiction|regionScope)$/]",
          message: 'Jurisdiction is decided in platform/auth: use inJurisdiction / inAgencyJurisdiction / regionWithin, or the aggregate\u2019s visibility rule.',
        },
        {
          selector: "CallExpression[callee.property.name='startsWith'][arguments.0.property.name=/^(jurisdiction|regionScope|regionCode)$/]",
          message: 'Jurisdiction is decided in platform/auth: use inJurisdiction / inAgencyJurisdiction / regionWithin, or the aggregate\u2019s visibility rule.',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=/LIKE\\s*$/i]",
          message: 'No LIKE on a region column: regionRange (platform/auth/visibility.ts) is the index range; LIKE is for free text only (ilike with escapeLike).',
        },
      ],
    },
  },
  {
    // Tests type what people and reference files write (金银花(干) is the standard's own spelling), and the rule's
    // own tests hold the marks it refuses; a test asserting a message follows the message when that is fixed.
    files: ['eslint-rules/**', '**/*.test.ts', 'test/**', 'e2e/**'],
    rules: { 'punctuation/full-width-punctuation': 'off' },
  },
  {
    // Command-line entry points and tools talk to a person on the terminal.
    files: ['src/server.ts', 'src/cli.ts', 'scripts/**', 'bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
