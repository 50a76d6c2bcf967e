import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const src = fileURLToPath(new URL("./src/", import.meta.url))

export default defineConfig({
  // Plasmo's "~lib/x" means src/lib/x; a plain "~" alias would only match "~/x".
  resolve: { alias: [{ find: /^~(?!\/)/, replacement: src }] },
  test: {
    include: ["test/unit/**/*.test.ts", "test/data/**/*.test.ts", "test/dom/**/*.test.ts"],
    environment: "node"
  }
})
