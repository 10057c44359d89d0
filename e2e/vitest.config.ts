import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // A page draws after its code, its data and the server's work arrive; on a loaded CI machine that
    // can take seconds, so waiting for it gets more than expect.poll's default of one second.
    expect: { poll: { timeout: 10_000 } },
    // Each file starts its own server and browser; two at a time suit a 2-core machine.
    maxWorkers: 2,
  },
});
