import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs in parallel; `integration` touches real pcscd, SQLite files and
// child processes, and runs file by file (pcscds are serialised anyway: vpcd's port is one per machine).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
