// Logs each distinct failure once per worker lifetime, tagged with where it
// happened, so a page that fails on every mutation does not flood the console.
const seen = new Set<string>()

export function logOnce(where: string, error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  const id = `${where}|${text}`
  if (seen.has(id)) return
  seen.add(id)
  console.error(`[Track Record] ${where}:`, error)
}
