import { parse } from "yaml"
import { z } from "zod"

import { CLAIM_KINDS, type ClaimRule } from "../../src/core/types"
import { DataError } from "./errors"
import { check } from "./validate"

export const CLAIM_RULES_FILE = "data/claim-rules.yaml"

const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "must be a kebab-case slug" }),
  kind: z.enum(CLAIM_KINDS, { message: `must be one of ${CLAIM_KINDS.join(", ")}` }),
  pattern: z.string().trim().min(1, { message: "must not be empty" }),
  rationale: z.string().trim().min(1, { message: "must not be empty" })
})

/**
 * Validates the claim rule pack. `text === null` means the file does not exist
 * yet, which is not an error: the lexicon then ships with no rules.
 */
export function parseClaimRules(text: string | null, file = CLAIM_RULES_FILE): ClaimRule[] {
  if (text === null) return []
  let doc: unknown
  try {
    doc = parse(text)
  } catch (err) {
    throw new DataError(`${file}: not valid YAML (${(err as Error).message.split("\n")[0]})`)
  }
  if (doc === null || doc === undefined) return []
  if (!Array.isArray(doc)) throw new DataError(`${file}: must be a YAML list of {id, kind, pattern, rationale}`)
  const seen = new Map<string, number>()
  return doc.map((entry: unknown, i) => {
    const id = typeof entry === "object" && entry !== null && "id" in entry ? String((entry as { id: unknown }).id) : undefined
    const label = id ? `${file} entry ${i + 1} (id ${id})` : `${file} entry ${i + 1}`
    const rule = check(ruleSchema, entry, label)
    const prev = seen.get(rule.id)
    if (prev !== undefined) throw new DataError(`${label}: id is already used by entry ${prev}`)
    seen.set(rule.id, i + 1)
    return { id: rule.id, kind: rule.kind, pattern: rule.pattern, rationale: rule.rationale }
  })
}
