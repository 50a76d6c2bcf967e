/**
 * JSON with object keys sorted, so the same data always gives the same bytes.
 * Arrays keep their order: callers sort them where order carries no meaning.
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value))}\n`
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .filter((k) => obj[k] !== undefined)
        .map((k) => [k, sortKeys(obj[k])])
    )
  }
  return value
}
