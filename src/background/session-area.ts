// storage.session is not in webextension-polyfill's metadata; MV3 Chrome and
// Firefox both return promises from it natively.
export const sessionArea = () => (globalThis as unknown as { chrome: typeof chrome }).chrome.storage.session
