import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// Under Stryker every statement is instrumented and the machine is shared, so the throughput tests
// (100,000 sessions in one pass) need more than vitest's 5 s default.
export default mergeConfig(base, defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } }));
