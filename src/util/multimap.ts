// Lists by key, grown in place: `map.set(k, [...(map.get(k) ?? []), v])` copies the list on every
// add, which is quadratic when one key collects thousands (facts of one generated function, the
// `default` exports of a large tree).

export function addTo<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}
