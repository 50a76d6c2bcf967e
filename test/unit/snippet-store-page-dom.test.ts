// The collection page rendered in a linkedom document and wired to the real
// snippet handlers over an in-memory storage area: what a researcher does
// (search, tag, delete and undo, import) reaches storage, and storage changes
// reach the page.
import { parseHTML } from "linkedom"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

import componentStrings from "~components/messages.en.json"
import libStrings from "~lib/messages.en.json"
import { createSnippet, SNIPPET_SCHEMA_VERSION, type Snippet } from "~core/snippets/model"
import pageStrings from "~tabs/messages.en.json"

type Strings = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>

const env = vi.hoisted(() => {
  const data = new Map<string, unknown>()
  const listeners = new Set<(changes: Record<string, unknown>, area: string) => void>()
  const strings: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {}
  const opened: string[] = []
  const handlers: Record<string, (request: never) => Promise<unknown>> = {}
  const area = {
    async get(key: string) {
      return data.has(key) ? { [key]: data.get(key) } : {}
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: v }
        data.set(k, v)
      }
      for (const l of listeners) l(changes, "local")
    }
  }
  // Chrome's substitution rules, enough for our strings: $NAME$ → placeholder content → $n.
  const getMessage = (key: string, subs: string[] = []) => {
    const entry = strings[key]
    if (!entry) return ""
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? ""
      return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? "")
    })
  }
  const browser = {
    runtime: { sendMessage: async (message: { type: string }) => handlers[message.type](message as never) },
    storage: { local: area, onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } },
    i18n: { getMessage },
    tabs: {
      create: async ({ url }: { url: string }) => {
        opened.push(url)
        return { id: 7 }
      },
      onUpdated: { addListener: () => undefined, removeListener: () => undefined },
      sendMessage: async () => undefined
    }
  }
  return { data, strings, opened, handlers, browser }
})

// linkedom renders slowly when the machine is busy; the waits below poll, so a generous limit costs nothing.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 })

vi.mock("webextension-polyfill", () => ({ default: env.browser }))
vi.mock("@plasmohq/storage", () => ({
  Storage: class {
    async get() {
      return undefined
    }
    async set() {}
  }
}))

function snippet(n: number): Snippet {
  const made = createSnippet({
    url: `https://news.example.com/acme-${n}`,
    quote: { exact: `Acme Cloud promised ${n === 1 ? "five nines of uptime" : `claim number ${n}`} to every customer.`, prefix: "In a statement, ", suffix: " It did not." },
    pageTitle: `Acme story ${n}`,
    pageDate: "2026-02-01",
    savedAt: new Date(Date.UTC(2026, 1, 2, 9, 0, n)).toISOString(),
    vendors: [{ id: "acme-cloud", name: "Acme Cloud" }],
    claimKind: n % 2 ? "reliability" : "security",
    incidents:
      n === 1
        ? [{ id: "acme-2026-01-outage", vendor: "Acme Cloud", date: "2026-01-20", type: "outage", title: "Region-wide outage", sources: ["https://status.acme.example/1"] }]
        : []
  })
  if (!made.ok) throw new Error(made.reason)
  return made.snippet
}

let document: Document
let window: Window & typeof globalThis

const stored = () => JSON.parse(env.data.get("snippets") as string) as { version: number; snippets: Snippet[] }
const articles = () => [...document.querySelectorAll("article")]
const byText = (selector: string, text: string) => [...document.querySelectorAll(selector)].find((el) => el.textContent?.trim() === text) as HTMLElement | undefined

async function until<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 1000; i++) {
    const value = probe()
    if (value) return value
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`timed out waiting for ${what}`)
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value
  input.dispatchEvent(new window.Event("input", { bubbles: true }))
}

function key(target: Element, name: string) {
  const event = new window.Event("keydown", { bubbles: true, cancelable: true })
  Object.defineProperty(event, "key", { value: name })
  target.dispatchEvent(event)
}

beforeAll(async () => {
  Object.assign(env.strings, libStrings as Strings, componentStrings as Strings, pageStrings as Strings)
  env.handlers["snippets/list"] = (await import("~background/messages/snippets-list")).default as never
  env.handlers["snippets/update"] = (await import("~background/messages/snippets-update")).default as never
  env.handlers["snippets/delete"] = (await import("~background/messages/snippets-delete")).default as never
  env.handlers["snippets/restore"] = (await import("~background/messages/snippets-restore")).default as never
  env.handlers["snippets/import"] = (await import("~background/messages/snippets-import")).default as never

  const parsed = parseHTML('<!doctype html><html><head><title></title></head><body><div id="__plasmo"></div></body></html>')
  document = parsed.document as unknown as Document
  window = parsed.window as unknown as Window & typeof globalThis
  Object.assign(globalThis, { document, window })

  env.data.set("snippets", JSON.stringify({ version: SNIPPET_SCHEMA_VERSION, snippets: [snippet(1), snippet(2), snippet(3)] }))
  await import("~tabs/snippets")
  await until(() => articles().length === 3, "three snippets")
})

afterAll(() => {
  Reflect.deleteProperty(globalThis, "document")
  Reflect.deleteProperty(globalThis, "window")
})

describe("snippet collection page", () => {
  it("lists snippets newest first with their context, incidents and an open-at-snippet link", () => {
    expect(document.title).toBe("Saved snippets · Track Record")
    expect(articles().map((a) => a.getAttribute("aria-label"))).toEqual([
      "Snippet: Acme Cloud promised claim number 3 to every…",
      "Snippet: Acme Cloud promised claim number 2 to every…",
      "Snippet: Acme Cloud promised five nines of uptime to…"
    ])
    const first = articles()[2]
    expect(first.querySelector(".sn-context")?.textContent).toContain("In a statement,")
    expect(first.querySelector(".tr-incident-title")?.textContent).toBe("Acme Cloud: Region-wide outage")
    const open = [...first.querySelectorAll("a")].find((a) => a.textContent === "Open at snippet")
    expect(open?.getAttribute("href")).toBe(
      "https://news.example.com/acme-1#:~:text=Acme%20Cloud%20promised%20five%20nines%20of%20uptime%20to%20every%20customer."
    )
    expect(byText("option", "Security (1)")).toBeTruthy()
  })

  it("searches as you type", async () => {
    const search = document.getElementById("sn-search") as HTMLInputElement
    type(search, "five nines")
    await until(() => articles().length === 1, "one match")
    expect(document.querySelector(".sn-summary")?.textContent).toBe("Showing 1 of 3 saved snippets")
    key(search, "Escape")
    await until(() => articles().length === 3, "all snippets again")
  })

  it("adds a tag from the keyboard and stores it normalised", async () => {
    const input = articles()[0].querySelector('input[aria-label="Add a tag"]') as HTMLInputElement
    type(input, "Needs Review")
    key(input, "Enter")
    await until(() => stored().snippets.find((s) => s.id === snippet(3).id)?.tags.includes("needs review"), "the tag in storage")
    await until(() => byText("button", "needs review"), "the chip")
    expect(articles()[0].querySelector('[aria-label="Remove tag needs review"]')).toBeTruthy()
  })

  it("deletes with an Undo that puts the snippet back", async () => {
    const del = [...articles()[1].querySelectorAll("button")].find((b) => b.textContent === "Delete")!
    del.click()
    await until(() => articles().length === 2 && stored().snippets.length === 2, "the delete")
    expect(document.querySelector(".sn-toast")?.textContent).toContain("1 snippet deleted.")
    byText(".sn-toast button", "Undo")!.click()
    await until(() => articles().length === 3 && stored().snippets.length === 3, "the undo")
    expect(document.querySelector(".sn-toast")).toBeNull()
  })

  it("refuses a malformed import with the reason and leaves the collection alone", async () => {
    const before = env.data.get("snippets")
    const input = document.querySelector('input[type="file"]') as HTMLInputElement
    Object.defineProperty(input, "files", { configurable: true, value: [new File(["{ not json"], "broken.json")] })
    input.dispatchEvent(new window.Event("change", { bubbles: true }))
    const alert = await until(() => document.querySelector('[role="alert"] .sn-status-text'), "the error")
    expect(alert.textContent).toMatch(/^Nothing was imported: The file is not valid JSON/)
    expect(env.data.get("snippets")).toBe(before)
  })

  it("imports a JSON Lines file and reports what was new", async () => {
    const text = [snippet(3), snippet(4), snippet(5)].map((s) => JSON.stringify(s)).join("\n")
    const input = document.querySelector('input[type="file"]') as HTMLInputElement
    Object.defineProperty(input, "files", { configurable: true, value: [new File([text], "more.jsonl")] })
    input.dispatchEvent(new window.Event("change", { bubbles: true }))
    const status = await until(() => document.querySelector('[role="status"] .sn-status-text'), "the result")
    await until(() => /^Imported 2, 1 duplicate skipped\./.test(status.textContent ?? ""), "the import summary")
    await until(() => articles().length === 5, "five snippets")
  })

  // Rendering a hundred cards in linkedom is slow on a busy machine; the browser is far quicker.
  it("shows 100 snippets at a time", { timeout: 30_000 }, async () => {
    const many = Array.from({ length: 150 }, (_, i) => snippet(100 + i))
    await env.browser.storage.local.set({ snippets: JSON.stringify({ version: SNIPPET_SCHEMA_VERSION, snippets: many }) })
    await until(() => document.querySelector(".sn-summary")?.textContent === "150 saved snippets", "the reload")
    expect(articles()).toHaveLength(100)
    expect(document.querySelector(".sn-more")?.textContent).toContain("100 of 150 shown")
    byText("button", "Show more")!.click()
    await until(() => articles().length === 150, "all snippets")
    expect(byText("button", "Show more")).toBeUndefined()
  })
})
