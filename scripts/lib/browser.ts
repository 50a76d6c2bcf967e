// Finding and launching a Chromium with the built extension loaded. Shared by
// `npm start`, the end-to-end tests and the benchmark. Never downloads a browser.
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { chromium, type BrowserContext, type Worker } from "playwright-core"

const COMMON_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"
]

/** CHROMIUM_PATH, else /usr/bin/chromium, else common Chrome locations. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no browser there.`)
  }
  const found = COMMON_PATHS.find((p) => existsSync(p))
  if (!found)
    throw new Error(
      "No Chromium or Chrome found. Install one (on Debian/Ubuntu: sudo apt-get install chromium) " +
        "or set CHROMIUM_PATH to the browser's executable."
    )
  return found
}

export const EXTENSION_DIR = resolve(import.meta.dirname, "../../build/chrome-mv3-prod")

export interface ExtensionSession {
  context: BrowserContext
  worker: Worker
  extensionId: string
  profileDir: string
  close(): Promise<void>
}

export interface LaunchOptions {
  headless?: boolean
  /** Reuse a profile (to test persistence across browser restarts). */
  profileDir?: string
  extensionDir?: string
  viewport?: { width: number; height: number } | null
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR
  if (!existsSync(join(extensionDir, "manifest.json")))
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`)
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), "track-record-profile-"))
  const headless = options.headless ?? true
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: false, // we pass --headless=new ourselves: the old headless mode has no extensions
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    args: [
      ...(headless ? ["--headless=new"] : []),
      // Playwright adds --disable-extensions; this re-allows ours only.
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  })
  let worker = context.serviceWorkers()[0]
  if (!worker) worker = await context.waitForEvent("serviceworker", { timeout: 20_000 })
  const extensionId = new URL(worker.url()).host
  return {
    context,
    worker,
    extensionId,
    profileDir,
    async close() {
      await context.close()
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true })
    }
  }
}
