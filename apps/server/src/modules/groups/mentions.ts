/**
 * Whether a post's text names a person the way the composer writes a mention: `@` then the
 * display name, not followed by a letter, digit or hyphen (so `@Anne Martin` does not also
 * mention `@Anne`).
 */
export function isNamedIn(markdown: string, displayName: string): boolean {
  const wanted = `@${displayName}`.toLocaleLowerCase('fr');
  const text = markdown.toLocaleLowerCase('fr');
  for (let at = text.indexOf(wanted); at !== -1; at = text.indexOf(wanted, at + 1)) {
    const next = text.charAt(at + wanted.length);
    if (!/[\p{L}\p{N}-]/u.test(next)) return true;
  }
  return false;
}
