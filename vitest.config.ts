import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Generated corpora (determinism, hostile input) take a while to write and remove on a busy machine.
    hookTimeout: 60_000,
    pool: 'threads',
  },
});
