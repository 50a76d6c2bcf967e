import { describe, expect, it } from "vitest"

import type { Dismissals } from "~core/settings"
import { parseWindowDays, removeNotClaim, removeNotVendor } from "~options/logic"

describe("parseWindowDays", () => {
  it("accepts whole numbers of days from 1 to 3650", () => {
    expect(["1", " 90 ", "3650"].map(parseWindowDays)).toEqual([1, 90, 3650])
  })

  it("rejects empty, out-of-range, fractional and non-numeric input", () => {
    expect(["", "0", "3651", "12.5", "-3", "1e3", "ninety"].map(parseWindowDays)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null
    ])
  })
})

describe("restoring dismissals", () => {
  const dismissals: Dismissals = {
    notVendor: [
      { vendorId: "apple", text: "Apple" },
      { vendorId: "oracle", text: "Oracle" },
      { vendorId: "apple", text: "apples" }
    ],
    notClaim: ["best in class", "rock solid"]
  }

  it("removes only the matching vendor entry, ignoring case", () => {
    expect(removeNotVendor(dismissals, { vendorId: "apple", text: "APPLE" }).notVendor).toEqual([
      { vendorId: "oracle", text: "Oracle" },
      { vendorId: "apple", text: "apples" }
    ])
    expect(removeNotVendor(dismissals, { vendorId: "oracle", text: "Apple" }).notVendor).toHaveLength(3)
  })

  it("removes a claim text however it is spaced or cased, and leaves the other list alone", () => {
    const next = removeNotClaim(dismissals, "  Rock   Solid ")
    expect(next.notClaim).toEqual(["best in class"])
    expect(next.notVendor).toBe(dismissals.notVendor)
  })
})
