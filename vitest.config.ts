import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Tests import the package by its public name, as users do (package.json "exports").
  resolve: {
    alias: [
      { find: /^makesim$/, replacement: here('./index.ts') },
      { find: /^makesim\/vitest$/, replacement: here('./test-runner/vitest-setup.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
