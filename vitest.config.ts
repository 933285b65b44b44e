import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'unit',
          include: ['src-*/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tools/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['./tests/setup-unit.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Suites start real servers and databases: two at a time fits a 2-core machine.
          maxWorkers: 2,
          // A plain `vitest run` runs the unit project first, then this one.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
