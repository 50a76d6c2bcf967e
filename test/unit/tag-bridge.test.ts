import { afterEach, describe, expect, it } from "vitest"

import { createTagBridge } from "~app/tag-bridge"
import { setTagger, tagSentence } from "~core/nlp/setup"

afterEach(() => setTagger(null))

describe("createTagBridge", () => {
  it("records the windows the analyser wants, fetches them in one request, then answers from the cache", async () => {
    const requests: string[][] = []
    const bridge = createTagBridge(async (texts) => {
      requests.push(texts)
      return texts.map((t) => [{ start: 0, end: t.indexOf(" "), tags: ["Organization"] }])
    })
    expect(tagSentence("Zoom said on Monday", 10)).toEqual([])
    expect(tagSentence("Zoom said on Monday", 10)).toEqual([])
    expect(bridge.pendingCount).toBe(1)
    await bridge.flush()
    expect(requests).toEqual([["Zoom said on Monday"]])
    expect(bridge.pendingCount).toBe(0)
    expect(tagSentence("Zoom said on Monday", 10)).toEqual([{ start: 10, end: 14, tags: new Set(["Organization"]) }])
  })

  it("falls back to no tags when the worker cannot answer, without asking again", async () => {
    let calls = 0
    const bridge = createTagBridge(async () => {
      calls++
      throw new Error("Extension context invalidated")
    })
    tagSentence("Box raised prices", 0)
    await bridge.flush()
    expect(tagSentence("Box raised prices", 0)).toEqual([])
    expect(bridge.pendingCount).toBe(0)
    expect(calls).toBe(1)
  })

  it("caps what one page may send: short windows only, a bounded number", () => {
    const bridge = createTagBridge(async (texts) => texts.map(() => []))
    tagSentence("x".repeat(601), 0)
    for (let i = 0; i < 50; i++) tagSentence(`window ${i}`, 0)
    expect(bridge.pendingCount).toBe(32)
  })
})
