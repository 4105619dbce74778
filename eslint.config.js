import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The BFF's features, highest first: a feature imports only those in rows below its own (and shared
 * code: db, http, config, secrets, network). app.ts, bootstrap.ts and the commands compose them.
 */
const BFF_LAYERS = [
  ['admin', 'dev', 'send-api'],
  ['card'],
  ['diagnostics', 'send-log', 'outbox'],
  ['mail'],
  ['m365', 'events', 'retention'],
  ['global-mail-user', 'api-tokens'],
  ['mail-settings', 'audit'],
  ['auth'],
];
const bffZones = BFF_LAYERS.flatMap((row, index) =>
  row.map((feature) => ({
    target: `./apps/bff/src/${feature}`,
    from: BFF_LAYERS.slice(0, index + 1)
      .flat()
      .filter((other) => other !== feature)
      .map((other) => `./apps/bff/src/${other}`),
    message: `${feature} sits below these features: it must not import them (see BFF_LAYERS in eslint.config.js).`,
  })),
);
const SHARED_BFF = ['db', 'http', 'config', 'secrets', 'network'].map((dir) => `./apps/bff/src/${dir}`);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**', 'playwright-report/**', 'test-results/**', '.tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['apps/*/tsconfig.json', 'packages/*/tsconfig.json', 'bench/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['apps/bff/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...bffZones,
            {
              target: SHARED_BFF,
              from: BFF_LAYERS.flat().map((feature) => `./apps/bff/src/${feature}`),
              message: 'Shared BFF code must not import a feature.',
            },
          ],
        },
      ],
    },
  },
  {
    // bulletproof-react's direction: shared → features → app.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './apps/web/src/features', from: './apps/web/src/app', message: 'A feature must not import the app.' },
            {
              target: ['./apps/web/src/components', './apps/web/src/lib', './apps/web/src/i18n', './apps/web/src/config'],
              from: ['./apps/web/src/features', './apps/web/src/app'],
              message: 'Shared web code must not import a feature or the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Features stay independent: shared code lives in components/, lib/ and i18n/ (bulletproof-react).
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*/**', '!../../../**'], message: 'A feature must not import another feature.' }] },
      ],
    },
  },
  {
    // The domain package stays pure: no I/O, no framework.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'react', 'express', 'nodemailer'] }],
    },
  },
  {
    // Playwright fixtures declare "no dependencies" with an empty pattern.
    files: ['apps/web/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: [
      'apps/bff/src/server.ts',
      'apps/bff/src/cli.ts',
      'apps/bff/src/dev/dev-mode.ts',
      'apps/bff/src/**/*-command.ts',
      'scripts/**',
      'bench/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
