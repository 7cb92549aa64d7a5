// Key paths as the object dialogs use them: a typed folder as a prefix, where a copied or
// renamed key lands, an entry's folder and its own name. Pure, for tests.

/** A folder path as typed ("backup", "/a/b/") as a key prefix: no leading slash, one trailing. */
export function folderPrefix(text: string): string {
  const trimmed = text.trim().replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** The key a source lands on: its path relative to `from`, under `to`. */
export function targetKey(key: string, from: string, to: string): string {
  return `${to}${key.startsWith(from) ? key.slice(from.length) : key}`;
}

/** The key an entry has after a rename: same folder, new last segment (a folder keeps its '/'). */
export function renamedKey(key: string, name: string): string {
  const folder = key.endsWith('/');
  const parent = parentPrefix(key);
  const clean = name.trim().replace(/\/+$/, '');
  return `${parent}${clean}${folder ? '/' : ''}`;
}

/** The folder an entry sits in: 'a/b/' for 'a/b/c' and for 'a/b/c/'. */
export function parentPrefix(key: string): string {
  const cut = key.endsWith('/') ? key.slice(0, -1) : key;
  const slash = cut.lastIndexOf('/');
  return slash < 0 ? '' : cut.slice(0, slash + 1);
}

/** An entry's own name, as a rename field starts with it. */
export function entryName(key: string): string {
  return key.slice(parentPrefix(key).length).replace(/\/$/, '');
}
