import { defineConfig } from 'vitest/config'
import preact from '@preact/preset-vite'

export default defineConfig({
  test: {
    // Vitest's default in a run is one worker fewer than the cores: one on a 2-core machine. The
    // tests wait on Postgres, servers and Chromium more than they compute, so two at a time take
    // about a third as long there.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'api/**/*.test.ts',
            'ui/**/*.test.ts',
            'widget/**/*.test.ts',
            'staff/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['ui/**/*.test.tsx', 'widget/**/*.test.tsx', 'staff/**/*.test.tsx'],
          testTimeout: 15_000,
        },
      },
      {
        test: {
          // The real server and the built widget in Debian's Chromium (tests/e2e/README.md).
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
