// "Page text is never code" is enforced by lint: the project's ESLint config
// must reject every way of turning a string into markup or code, and the
// source tree must hold none of them.
import { execFileSync } from "node:child_process"
import { resolve } from "node:path"

import { ESLint } from "eslint"
import { beforeAll, describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../..")

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) })
  return result.messages.filter((m) => m.ruleId === "no-restricted-syntax" && m.severity === 2).map((m) => m.message)
}

const BANNED: [string, string, string][] = [
  ["innerHTML", "src/app/probe.ts", 'export function f(el: Element, s: string) {\n  el.innerHTML = s\n}\n'],
  ["reading innerHTML", "src/dom/probe.ts", "export const f = (el: Element) => el.innerHTML.length\n"],
  ["outerHTML", "src/popup/probe.ts", 'export function f(el: Element, s: string) {\n  el.outerHTML = s\n}\n'],
  ["insertAdjacentHTML", "src/tabs/probe.ts", 'export function f(el: Element, s: string) {\n  el.insertAdjacentHTML("beforeend", s)\n}\n'],
  ["dangerouslySetInnerHTML", "src/components/probe.tsx", "export const F = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />\n"],
  ["eval", "src/background/probe.ts", "export const f = (s: string) => eval(s)\n"],
  ["new Function", "src/core/probe.ts", 'export const f = (s: string) => new Function("x", s)\n'],
  ["document.write", "src/contents/probe.ts", "export const f = (s: string) => document.write(s)\n"]
]

const SECURITY_RULES = new Set(["no-restricted-syntax", "no-eval", "no-implied-eval", "no-new-func"])

async function securityErrors(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) })
  return result.messages.filter((m) => SECURITY_RULES.has(m.ruleId ?? "") && m.severity === 2).length
}

// Less common spellings of the same sinks.
const ALSO_BANNED: [string, string][] = [
  ["computed innerHTML", 'export function f(el: Element, s: string) {\n  el["innerHTML"] = s\n}\n'],
  ["Function without new", 'export const f = (s: string) => Function("x", s)\n'],
  ["globalThis.eval", "export const f = (s: string) => globalThis.eval(s)\n"],
  ["string setTimeout", 'export const f = () => setTimeout("alert(1)", 1)\n'],
  ["createContextualFragment", "export const f = (r: Range, s: string) => r.createContextualFragment(s)\n"],
  ["srcdoc", 'export function f(el: HTMLIFrameElement, s: string) {\n  el.srcdoc = s\n}\n'],
  ["setHTMLUnsafe", "export const f = (el: Element, s: string) => (el as unknown as { setHTMLUnsafe(x: string): void }).setHTMLUnsafe(s)\n"],
  ["document.writeln", "export const f = (s: string) => document.writeln(s)\n"]
]

describe("the HTML-string and eval bans", () => {
  it.each(ALSO_BANNED)("rejects %s", async (_name, code) => {
    expect(await securityErrors(code, "src/app/probe.ts")).toBeGreaterThan(0)
  })

  it.each(BANNED)("rejects %s", async (_name, file, code) => {
    expect(await restricted(code, file)).toHaveLength(1)
  })

  it("applies to test and script files as well as src", async () => {
    expect(await restricted("export const f = (el: Element, s: string) => { el.innerHTML = s }\n", "scripts/probe.ts")).toHaveLength(1)
    expect(await restricted("export const f = (el: Element, s: string) => { el.innerHTML = s }\n", "test/e2e/probe.ts")).toHaveLength(1)
  })

  it("accepts the safe equivalents (textContent, Preact children, createElement)", async () => {
    const code = [
      "export function f(el: Element, s: string) {",
      "  el.textContent = s",
      '  const p = document.createElement("p")',
      "  p.append(s)",
      "  el.append(p)",
      "}",
      ""
    ].join("\n")
    expect(await restricted(code, "src/app/probe.ts")).toEqual([])
    expect(await restricted("export const F = ({ s }: { s: string }) => <p title={s}>{s}</p>\n", "src/app/probe.tsx")).toEqual([])
  })
})

describe("the source tree", () => {
  it("holds no HTML-string sinks, eval or Function constructors", () => {
    const pattern = "innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|\\beval\\(|new Function|document\\.write\\("
    let found = ""
    try {
      found = execFileSync("git", ["grep", "-nE", pattern, "--", "src/"], { cwd: root, encoding: "utf8" })
    } catch (error) {
      // git grep exits 1 when nothing matches.
      if ((error as { status?: number }).status !== 1) throw error
    }
    expect(found).toBe("")
  })
})
