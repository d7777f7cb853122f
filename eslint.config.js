import tseslint from 'typescript-eslint';

const clients = ['@nestjs/*', 'pg', 'pg-*', 'ioredis', 'kafkajs', 'avsc', 'express', 'prom-client', 'pino', 'node:*', 'fs', 'path'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.stack/**', 'bench/results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through src/config only.' },
      ],
    },
  },
  {
    // The pure core: no framework, client, I/O, clock or global randomness.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: clients, message: 'src/domain is pure: no framework or client imports.' }] }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in as an argument.' },
        { object: 'Math', property: 'random', message: 'Pass a seeded rng in.' },
      ],
    },
  },
  {
    files: ['src/config/**/*.ts', '**/*.cli.ts', 'test/**/*.ts', 'bench/**/*.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
