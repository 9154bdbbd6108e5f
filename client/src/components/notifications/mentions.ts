/** A person the @ picker offers. */
export interface MentionCandidate {
  id: string;
  displayName: string;
  email: string;
}

/** The "@query" being typed just before the caret, if any: where its @ is and what follows it. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  // An address (name@example.com) is not a mention: the @ starts the text or follows a non-word character.
  if (at > 0 && /[\p{L}\p{N}]/u.test(before[at - 1] ?? '')) return null;
  const query = before.slice(at + 1);
  // A name has at most a few words; a line break or a long run of text ends the mention.
  if (query.length > 40 || /[\n@]/.test(query) || /\s\s/.test(query) || query.split(' ').length > 3) return null;
  return { start: at, query };
}

/** People whose name (any word of it) or address starts with the query, names first, at most `limit`. */
export function matchCandidates(people: readonly MentionCandidate[], query: string, limit = 6): MentionCandidate[] {
  const q = query.trim().toLowerCase();
  const score = (p: MentionCandidate) => {
    const name = p.displayName.toLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    if (p.email.toLowerCase().startsWith(q)) return 2;
    return -1;
  };
  return people
    .map((p) => ({ p, s: score(p) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || a.p.displayName.localeCompare(b.p.displayName))
    .slice(0, limit)
    .map((x) => x.p);
}

/** The text with "@query" replaced by "@Display Name ", and where the caret goes after it. */
export function insertMention(text: string, start: number, caret: number, person: MentionCandidate): { text: string; caret: number } {
  const inserted = `@${person.displayName} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}
