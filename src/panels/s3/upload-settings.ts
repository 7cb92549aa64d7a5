// The upload options' metadata box: one name=value per line, read into x-amz-meta-* pairs.
// Header names and values must be ASCII (HTTP carries nothing else), so the box says which line
// is wrong before anything is sent, and keeps the text as typed.

export type MetadataParse =
  | { ok: true; metadata: Record<string, string> }
  | { ok: false; line: number };

export function parseMetadataLines(text: string): MetadataParse {
  const metadata: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const eq = line.indexOf('=');
    const name = (eq < 0 ? line : line.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (eq < 0 || !/^[a-z0-9._-]+$/.test(name) || /[^\u0020-\u007e]/.test(value)) {
      return { ok: false, line: i + 1 };
    }
    metadata[name.replace(/^x-amz-meta-/, '')] = value;
  }
  return { ok: true, metadata };
}

export function metadataLines(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}
