/**
 * Memos a module keeps for the whole process (contexts that never move, recent catalogue searches…). A
 * process serves one platform, so they need no owner; but a new runtime in the same process — the test
 * suite runs its files one after another in a worker, each on its own database cloned from one template,
 * where the same ids name other rows — must start from nothing: `forgetProcessMemos` at its creation.
 */
const memos = new Set<{ clear(): void }>();

export function processMemo<K, V>(): Map<K, V> {
  const memo = new Map<K, V>();
  memos.add(memo);
  return memo;
}

export function forgetProcessMemos() {
  for (const memo of memos) memo.clear();
}
