import { z } from "zod"

import { isIsoDate } from "../../src/core/dataset/ids"
import { DataError } from "./errors"

export const isoDate = z.string().refine(isIsoDate, { message: "must be a real date written YYYY-MM-DD" })

export const httpsUrl = z.string().refine(
  (s) => {
    if (!s.startsWith("https://")) return false
    try {
      return new URL(s).protocol === "https:"
    } catch {
      return false
    }
  },
  { message: "must be an https:// URL" }
)

/** Parses `value` with `schema` or throws a DataError `<label>: <field> <message>`. */
export function check<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue?.path.length
    ? `${issue.path.map((k) => (typeof k === "number" ? `item ${k + 1}` : String(k))).join(" ")} `
    : ""
  throw new DataError(`${label}: ${field}${issue?.message ?? "invalid"}`)
}
