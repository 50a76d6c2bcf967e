// Small statistics helpers for the benchmark.

export function median(values: readonly number[]): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (xs.length === 0) return NaN
  const mid = xs.length >> 1
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2
}

export function max(values: readonly number[]): number {
  return values.length ? Math.max(...values) : NaN
}
