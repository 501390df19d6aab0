import { defineConfig } from 'vitest/config';

// Two projects: `unit` (tests beside the code, fast, no outside data) and `validation`
// (against MATPOWER references in ../shared and end-to-end runs of the CLI).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      { test: { name: 'validation', include: ['test/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
