/** Small collection helpers of the tenders module (not exported by the package). */

/** Appends `value` to the list of `key`, creating it. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
