import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { SNIPPET_SCHEMA_VERSION, migrateStore, withUniqueIds } from "~core/snippets"

import { make } from "../fixtures/snippets/make"

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/snippets/${name}`, import.meta.url), "utf8"))

describe("migrateStore", () => {
  it("is at schema 2", () => {
    expect(SNIPPET_SCHEMA_VERSION).toBe(2)
  })

  it("gives an empty current store when nothing was saved", () => {
    expect(migrateStore(undefined)).toEqual({ ok: true, store: { version: 2, snippets: [] }, migratedFrom: 2, dropped: [] })
    expect(migrateStore(null)).toMatchObject({ ok: true, store: { snippets: [] } })
  })

  it("migrates version 1 (no version field, comma-separated tags, epoch or ISO savedAt)", () => {
    const raw = fixture("store-v1.json")
    const copy = JSON.stringify(raw)
    const r = migrateStore(raw)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.migratedFrom).toBe(1)
    expect(r.store.version).toBe(2)
    expect(r.store.snippets).toEqual([
      {
        id: "1700000000000-ab12",
        quote: { type: "TextQuoteSelector", exact: "Our platform is more reliable than any other cloud provider.", prefix: "", suffix: "" },
        position: null,
        url: "https://blog.example.com/posts/why-acme",
        pageTitle: "Why Acme Cloud",
        pageDate: null,
        savedAt: "2024-03-05T10:15:00.000Z",
        vendorIds: ["acme-cloud"],
        vendors: ["Acme Cloud"],
        claimKind: "reliability",
        rule: null,
        incidents: [],
        tags: ["uptime", "marketing"],
        note: ""
      },
      {
        id: "42",
        quote: { type: "TextQuoteSelector", exact: "All systems have been restored.", prefix: "", suffix: "" },
        position: null,
        url: "https://status.example.org/incidents/881",
        pageTitle: null,
        pageDate: null,
        savedAt: "2024-04-05T06:53:20.000Z",
        vendorIds: [],
        vendors: [],
        claimKind: "recovery",
        rule: null,
        incidents: [],
        tags: [],
        note: ""
      }
    ])
    // The item that cannot be carried forward is reported, not silently lost.
    expect(r.dropped).toEqual([{ index: 2, reason: "url must be an http(s) address" }])
    // Pure: the raw value is untouched.
    expect(JSON.stringify(raw)).toBe(copy)
  })

  it("reads the current version as is", () => {
    const r = migrateStore(fixture("store-v2.json"))
    expect(r).toMatchObject({ ok: true, migratedFrom: 2, dropped: [] })
    if (r.ok) expect(r.store.snippets[0]).toMatchObject({ id: "s-0123456789abcdef", vendorIds: ["acme-cloud"], incidents: [{ id: "acme-cloud-2025-03-outage" }] })
  })

  it("refuses a store from a newer version without touching it", () => {
    const raw = fixture("store-v3-future.json")
    const copy = JSON.stringify(raw)
    const r = migrateStore(raw)
    expect(r).toEqual({
      ok: false,
      reason: "Saved snippets were written by a newer version of Track Record (schema 3; this version reads up to 2). Update the extension; nothing was changed."
    })
    expect(JSON.stringify(raw)).toBe(copy)
  })

  it.each([
    ["a string", "snippets"],
    ["an array", []],
    ["no list", { version: 2 }],
    ["version 0", { version: 0, snippets: [] }],
    ["fractional version", { version: 1.5, snippets: [] }],
    ["string version", { version: "2", snippets: [] }]
  ])("refuses %s", (_name, raw) => {
    expect(migrateStore(raw)).toMatchObject({ ok: false, reason: expect.any(String) })
  })

  it("keeps every snippet when ids collide", () => {
    const a = make()
    const b = make({ quote: { exact: "other" }, id: a.id })
    const ids = withUniqueIds([a, b, { ...b }]).map((s) => s.id)
    expect(ids).toEqual([a.id, `${a.id}-2`, `${a.id}-3`])
    const r = migrateStore({ version: 2, snippets: [a, b] })
    expect(r.ok && r.store.snippets.map((s) => s.id)).toEqual([a.id, `${a.id}-2`])
  })
})
