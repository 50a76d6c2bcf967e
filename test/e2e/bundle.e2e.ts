// Checks on the built extension itself (runs after `npm run build`): both
// manifests declare every entry, Firefox carries its add-on id, and no React
// runtime slipped into any bundle (Preact only, through the compat alias).
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, resolve } from "node:path"

import { describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../..")
const TARGETS = ["chrome-mv3", "firefox-mv3"] as const

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe.each(TARGETS)("%s build", (target) => {
  const dir = resolve(root, `build/${target}-prod`)
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"))

  it("declares the content script, the background worker, the popup, options and the detector", () => {
    expect(manifest.manifest_version).toBe(3)
    expect(manifest.content_scripts[0].matches).toEqual(["http://*/*", "https://*/*"])
    expect(manifest.action.default_popup).toBe("popup.html")
    expect(manifest.options_ui.page).toBe("options.html")
    const background = manifest.background.service_worker ?? manifest.background.scripts?.[0]
    expect(statSync(join(dir, background)).size).toBeGreaterThan(0)
    expect(statSync(join(dir, "app.js")).size).toBeGreaterThan(0)
    expect(statSync(join(dir, "tabs/snippets.html")).size).toBeGreaterThan(0)
    expect(JSON.parse(readFileSync(join(dir, "_locales/en/messages.json"), "utf8")).extensionName.message).toBe("Track Record")
  })

  it("ships no React runtime", () => {
    const scripts = filesUnder(dir).filter((f) => f.endsWith(".js"))
    for (const file of scripts) {
      const code = readFileSync(file, "utf8")
      expect(code, file).not.toContain("__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED")
      expect(code, file).not.toContain("__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE")
      expect(code, file).not.toMatch(/react-dom\.production|React\.createElement/)
    }
  })
})

describe("firefox-mv3 build", () => {
  it("carries a gecko add-on id and no Chrome-only service worker key", () => {
    const manifest = JSON.parse(readFileSync(resolve(root, "build/firefox-mv3-prod/manifest.json"), "utf8"))
    expect(manifest.browser_specific_settings.gecko.id).toBe("track-record@example.org")
    expect(manifest.background.scripts?.length).toBeGreaterThan(0)
  })
})
