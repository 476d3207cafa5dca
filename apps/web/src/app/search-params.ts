/**
 * The address's query string with some values changed (an empty value removes the name).
 *
 * It starts from the address bar, not from the last render: the router renders a navigation as a
 * transition, so on a busy machine two quick changes — pick a commune, then a distance — would
 * otherwise build on a screen that does not show the first one yet, and drop it.
 */
export function changedSearchParams(changes: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}
