import { defineConfig } from "vitest/config"

// Real Chromium with the built extension: one browser at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000
  }
})
