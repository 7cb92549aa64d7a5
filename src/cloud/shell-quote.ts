// POSIX shell quoting for every command line Cirrus builds from cloud data (the launch dialog's
// CLI line, the SSH command): names come from a cloud and may hold `;`, `$(...)` or quotes.

/** One word as a POSIX shell reads it back unchanged: bare when plainly safe, else in '…'. */
export function shellQuote(word: string): string {
  // Inside single quotes nothing is special except the quote itself, written as '\''.
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Words joined into one command line, each quoted. */
export function shellLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
