// Store review, checked on the built extensions (this suite runs in the
// end-to-end config, after `npm run build`): the permissions we explain in the
// README and nothing more, no remote code, no eval, and a Firefox add-on id.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, resolve } from "node:path"

import { describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../..")
const BUILDS = ["chrome-mv3-prod", "firefox-mv3-prod"] as const

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : []
  })
}

for (const build of BUILDS) {
  const dir = resolve(root, "build", build)
  const built = existsSync(join(dir, "manifest.json"))

  describe.skipIf(!built)(`${build} (skipped when build/${build} is missing: run npm run build)`, () => {
    const manifest = built ? JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) : {}

    it("asks only for storage, contextMenus and scripting, and http/https hosts", () => {
      expect([...manifest.permissions].sort()).toEqual(["contextMenus", "scripting", "storage"])
      expect(manifest.optional_permissions ?? []).toEqual([])
      expect([...manifest.host_permissions].sort()).toEqual(["http://*/*", "https://*/*"])
      for (const script of manifest.content_scripts) expect(script.matches.every((m: string) => /^https?:\/\/\*\/\*$/.test(m))).toBe(true)
      expect(manifest.externally_connectable).toBeUndefined()
    })

    it("loads no remote code: every script is a file in the package", () => {
      const scripts: string[] = [
        manifest.background?.service_worker,
        ...(manifest.background?.scripts ?? []),
        ...manifest.content_scripts.flatMap((c: { js?: string[] }) => c.js ?? [])
      ].filter(Boolean)
      for (const script of scripts) {
        expect(script).not.toMatch(/^[a-z]+:/i)
        expect(existsSync(join(dir, script))).toBe(true)
      }
      for (const html of files(dir, /\.html$/)) {
        const text = readFileSync(html, "utf8")
        const sources = [...text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])
        expect(sources.filter((src) => /^(https?:)?\/\//i.test(src))).toEqual([])
      }
      // No module or worker pulls code from the network either.
      for (const js of files(dir, /\.js$/)) {
        const text = readFileSync(js, "utf8")
        expect(text).not.toMatch(/importScripts\(\s*["'`]https?:/)
        expect(text).not.toMatch(/import\(\s*["'`]https?:/)
      }
    })

    it("has no eval or Function constructor in any bundle, and no unsafe-eval in any CSP", () => {
      for (const js of files(dir, /\.js$/)) {
        const text = readFileSync(js, "utf8")
        expect({ js, hit: /[^\w.$]eval\(|\bnew Function\(|[^\w.$]Function\(\s*["'`]/.exec(text)?.[0] ?? null }).toEqual({ js, hit: null })
      }
      const csp = manifest.content_security_policy
      const policies = typeof csp === "string" ? [csp] : Object.values(csp ?? {})
      for (const policy of policies) expect(String(policy)).not.toMatch(/unsafe-eval|unsafe-inline|https?:/)
    })

    if (build === "firefox-mv3-prod")
      it("declares a Gecko add-on id and no data collection", () => {
        expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/^[^@\s]+@[^@\s]+$|^\{[0-9a-f-]{36}\}$/i)
        expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ["none"] })
      })
  })
}
