// The service worker's shape check: every message that is not exactly one of
// ours is refused with a reason, including type names that only exist on
// Object.prototype.
import { describe, expect, it } from "vitest"

import { checkRequest, REPORT_MAX_ITEMS } from "~background/validate"

const report = (over: Record<string, unknown> = {}) => ({
  url: "https://news.example/a",
  title: "A",
  published: null,
  mentions: [{ vendorId: "crowdstrike", vendor: "CrowdStrike", product: null, count: 1 }],
  claims: [{ id: 0, text: "more reliable", kind: "reliability", rule: "comparative-reliability", vendorId: null, vendor: null }],
  ...over
})

describe("checkRequest", () => {
  it("accepts well-formed messages", () => {
    expect(checkRequest({ type: "ping" }).ok).toBe(true)
    expect(checkRequest({ type: "page/report", report: report() }).ok).toBe(true)
    expect(checkRequest({ type: "snippets/delete", ids: ["a"] }).ok).toBe(true)
    expect(checkRequest({ type: "snippets/update", id: "a", patch: { tags: ["x"], note: "n" } }).ok).toBe(true)
  })

  it.each(["__proto__", "constructor", "hasOwnProperty", "toString", "valueOf", "isPrototypeOf", "propertyIsEnumerable", "__defineGetter__"])(
    "refuses the inherited name %s as an unknown type",
    (type) => {
      const checked = checkRequest({ type })
      expect(checked).toEqual({ ok: false, error: expect.stringContaining("Unknown message type") })
    }
  )

  it.each([
    ["null", null],
    ["a string", "ping"],
    ["an array", [{ type: "ping" }]],
    ["no type", {}],
    ["a numeric type", { type: 1 }],
    ["a report with a javascript: URL", { type: "page/report", report: report({ url: "javascript:alert(1)" }) }],
    ["a report with a data: URL", { type: "page/report", report: report({ url: "data:text/html,<script>alert(1)</script>" }) }],
    ["a report with a non-date", { type: "page/report", report: report({ published: "<img src=x>" }) }],
    ["a report with an unknown claim kind", { type: "page/report", report: report({ claims: [{ ...report().claims[0], kind: "__proto__" }] }) }],
    ["a report with an over-long claim", { type: "page/report", report: report({ claims: [{ ...report().claims[0], text: "x".repeat(2_001) }] }) }],
    ["a report with too many mentions", { type: "page/report", report: report({ mentions: Array(5_001).fill(report().mentions[0]) }) }],
    ["a snippet that is not an object", { type: "snippets/save", snippet: [] }],
    ["tags that are not a list", { type: "snippets/update", id: "a", patch: { tags: "x" } }],
    ["a note that is not text", { type: "snippets/update", id: "a", patch: { note: {} } }],
    ["ids that are not strings", { type: "snippets/delete", ids: [1] }],
    ["import text that is not text", { type: "snippets/import", text: { length: 1 } }],
    ["a negative tab id", { type: "tab/findings", tabId: -1 }]
  ])("refuses %s with a reason", (_label, message) => {
    const checked = checkRequest(message)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.error.length).toBeGreaterThan(5)
  })

  it("accepts a report of exactly REPORT_MAX_ITEMS claims (what a huge page sends) and refuses one more", () => {
    const claim = report().claims[0]
    const claims = Array.from({ length: REPORT_MAX_ITEMS }, (_, id) => ({ ...claim, id }))
    expect(checkRequest({ type: "page/report", report: report({ claims }) }).ok).toBe(true)
    expect(checkRequest({ type: "page/report", report: report({ claims: [...claims, { ...claim, id: REPORT_MAX_ITEMS }] }) }).ok).toBe(false)
  })

  it("never echoes more than a short prefix of an unknown type", () => {
    const checked = checkRequest({ type: "<img src=x onerror=alert(1)>".repeat(100) })
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.error.length).toBeLessThan(100)
  })
})
