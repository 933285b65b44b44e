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
          // Rendering a whole Mantine form in jsdom takes seconds on two busy cores (the queue
          // editor's tests took 5–7 s in CI); 5 s failed them for the machine, not for a fault.
          testTimeout: 20_000,
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
