import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real Python, real databases and a real Docker engine are slow to start; a generous
    // per-test timeout avoids flakes without hiding hangs (each step has its own limit).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's ESM loader
    // refuses: inlined, vite loads it (test/ci only).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
