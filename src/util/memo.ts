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
