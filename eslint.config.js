import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noFrameworkInEngine = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*'], message: 'engine/ stays framework-free (DESIGN.md).' },
    { group: ['wxt', 'wxt/*', 'webextension-polyfill', '#imports'], message: 'engine/ never calls browser.* (DESIGN.md).' },
    { group: ['../extension/*', '../components/*', '../entrypoints/*'], message: 'Dependencies point into engine/, never out of it.' },
  ],
};

// What the content script bundles must stay small: no zod at run time (tours are checked at build time).
// This catches direct imports in the files below; tests/unit/built-artifact.test.ts checks every built
// content-script bundle, whatever the import graph.
const contentScriptOnly = [
  { group: ['zod', 'zod/*'], allowTypeImports: true, message: 'The content script carries no zod: tours are validated at build time.' },
  { group: ['**/schema', '**/run-state', '**/tour-check'], allowTypeImports: true, message: 'Import types only from schema modules in content-script code.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**', 'server/couchdb/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx', 'extension/popup/**/*.ts', 'extension/dashboard/**/*.ts', 'extension/desk/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: no remote code (SECURITY.md).' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function (SECURITY.md).' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render text with textContent, never innerHTML.' },
      ],
    },
  },
  { files: ['engine/**/*.ts', 'sessions/**/*.ts'], rules: { 'no-restricted-imports': ['error', noFrameworkInEngine] } },
  {
    // engine/ runs in the content script, the widget and tests alike: browser APIs come in through PlayerHost.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'engine/ never touches extension APIs: take them through PlayerHost (DESIGN.md).' },
        { name: 'browser', message: 'engine/ never touches extension APIs: take them through PlayerHost (DESIGN.md).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'globalThis', property: 'chrome', message: 'engine/ never touches extension APIs.' },
        { object: 'globalThis', property: 'browser', message: 'engine/ never touches extension APIs.' },
        { object: 'window', property: 'chrome', message: 'engine/ never touches extension APIs.' },
        { object: 'window', property: 'browser', message: 'engine/ never touches extension APIs.' },
      ],
    },
  },
  {
    files: ['engine/player.ts', 'engine/overlay.ts', 'engine/resolve.ts', 'engine/wait.ts', 'engine/runner.ts', 'engine/match.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noFrameworkInEngine.patterns, ...contentScriptOnly] }] },
  },
  {
    files: ['extension/content/**/*.ts', 'entrypoints/content.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: contentScriptOnly }] },
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
