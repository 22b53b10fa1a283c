// Answers cached per owner (a program, a flow) and string key, dropped with the owner: the one
// shape of the analysis's memos (per entry point, per function, per call site).

/** A function that answers `compute()` once per (owner, key); null and undefined answers are kept too. */
export function keyedMemo<O extends object, T>(): (owner: O, key: string, compute: () => T) => T {
  const byOwner = new WeakMap<O, Map<string, T>>();
  return (owner, key, compute) => {
    let answers = byOwner.get(owner);
    if (!answers) byOwner.set(owner, (answers = new Map()));
    if (answers.has(key)) return answers.get(key) as T;
    const answer = compute();
    answers.set(key, answer);
    return answer;
  };
}

/**
 * A value built once, when first asked for. Building it may evaluate code that asks for it again
 * (a binding resolved through the very index being built): meanwhile the answer is `meanwhile`.
 */
export function lazyOnce<T>(build: () => T, meanwhile: T): () => T {
  let value: { v: T } | null = null;
  let building = false;
  return () => {
    if (value) return value.v;
    if (building) return meanwhile;
    building = true;
    try {
      value = { v: build() };
    } finally {
      building = false;
    }
    return value.v;
  };
}

/** A function that answers `compute()` once per object (a fact, an edge, a recognizer entry), dropped with it. */
export function objectMemo<K extends object, T>(): (key: K, compute: () => T) => T {
  const answers = new WeakMap<K, { v: T }>();
  return (key, compute) => {
    let hit = answers.get(key);
    if (!hit) answers.set(key, (hit = { v: compute() }));
    return hit.v;
  };
}
