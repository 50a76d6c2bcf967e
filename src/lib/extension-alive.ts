// False once the extension was reloaded or updated under an open page: from
// then on every extension API throws "Extension context invalidated".
// Dependency-free so the tiny page loader can use it too.
export function extensionAlive(): boolean {
  try {
    const g = globalThis as { chrome?: typeof chrome; browser?: typeof chrome }
    return Boolean(g.chrome?.runtime?.id ?? g.browser?.runtime?.id)
  } catch {
    return false
  }
}
