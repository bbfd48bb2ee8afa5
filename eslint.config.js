import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of the server and the web app, lowest first; an import may only point down (or stay
 * within its own element). `npm run check` fails on any import that points up or sideways.
 *
 * server/src: base (lib, domain, errors, config) ← db ← integrations ← plugins ← modules ← app/main.
 *   An integration (tmdb, embedded) does not import another; a module does not import another
 *   module (app.ts wires them through ports).
 * web/src: shared (components/ui, lib, config) ← features ← app. A feature does not import another
 *   feature; a route in app/ composes them.
 */
const layers = {
  files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
  ignores: ['**/*.test.{ts,tsx}', 'web/src/test/**'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { noWarnOnMultipleProjects: true, project: ['server/tsconfig.test.json', 'web/tsconfig.json', 'packages/contracts/tsconfig.json'] } },
    'boundaries/elements': [
      { type: 'server-base', pattern: ['server/src/lib/**', 'server/src/domain/**', 'server/src/errors.ts', 'server/src/config.ts', 'server/src/paths.ts'], mode: 'full' },
      { type: 'server-db', pattern: 'server/src/db/**', mode: 'full' },
      { type: 'server-integration-port', pattern: 'server/src/integrations/*.ts', mode: 'full' },
      { type: 'server-integration', pattern: 'server/src/integrations/*/**', mode: 'full', capture: ['integration'] },
      { type: 'server-plugin', pattern: 'server/src/plugins/**', mode: 'full' },
      { type: 'server-module', pattern: 'server/src/modules/*/**', mode: 'full', capture: ['module'] },
      { type: 'server-app', pattern: ['server/src/app.ts', 'server/src/main.ts'], mode: 'full' },
      { type: 'web-shared', pattern: ['web/src/components/ui/**', 'web/src/lib/**', 'web/src/config/**'], mode: 'full' },
      { type: 'web-feature', pattern: 'web/src/features/*/**', mode: 'full', capture: ['feature'] },
      { type: 'web-app', pattern: ['web/src/app/**', 'web/src/main.tsx'], mode: 'full' },
    ],
  },
  rules: {
    'boundaries/element-types': [
      'error',
      {
        default: 'disallow',
        message: '${file.type} must not import ${dependency.type}: imports point down the layers (see eslint.config.js)',
        rules: [
          { from: 'server-base', allow: ['server-base'] },
          { from: 'server-db', allow: ['server-base', 'server-db'] },
          { from: 'server-integration-port', allow: ['server-base'] },
          {
            from: 'server-integration',
            allow: ['server-base', 'server-integration-port', ['server-integration', { integration: '${from.integration}' }]],
          },
          { from: 'server-plugin', allow: ['server-base', 'server-db', 'server-plugin'] },
          {
            from: 'server-module',
            allow: ['server-base', 'server-db', 'server-integration-port', 'server-integration', 'server-plugin', ['server-module', { module: '${from.module}' }]],
          },
          { from: 'server-app', allow: ['server-base', 'server-db', 'server-integration-port', 'server-integration', 'server-plugin', 'server-module', 'server-app'] },
          { from: 'web-shared', allow: ['web-shared'] },
          { from: 'web-feature', allow: ['web-shared', ['web-feature', { feature: '${from.feature}' }]] },
          { from: 'web-app', allow: ['web-shared', 'web-feature', 'web-app'] },
        ],
      },
    ],
    // A file the layers do not name is a file nobody placed on purpose.
    'boundaries/no-unknown-files': 'error',
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-results/**', 'e2e/artifacts/**', 'bench/results/**', 'server/drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layers,
);
