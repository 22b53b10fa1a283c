// Appending a list that grows with the input: `push(...items)` passes every item as an argument,
// and past about 100,000 of them (the tables of a generated SQL dump) the call overflows the stack.

/** Adds every item to the end of `target`. */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
