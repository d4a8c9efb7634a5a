import type { HistoryCommit } from '../../../runner/history/git-history.js';

/** One person as the history shows them: every name and e-mail they committed under, merged. */
export interface Author {
  names: string[];
  emails: string[];
  commits: HistoryCommit[];
}

/**
 * A name as people write it differently: case, accents, punctuation and word order dropped, so `Élodie Lefèvre`,
 * `LEFEVRE Elodie` and `elodie.lefevre` (an e-mail's local part) are one key.
 */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.sort().join(' ');
}

/** The keys one identity is known by: its e-mail, its name, and the name an e-mail's local part spells (two words or more). */
function keysOf(name: string, email: string): string[] {
  const keys = [`@${email.trim().toLowerCase()}`];
  const byName = nameKey(name);
  if (byName) keys.push(byName);
  const local = nameKey(email.split('@')[0] ?? '');
  if (local.includes(' ')) keys.push(local);
  return keys;
}

/**
 * The authors of a history, merged when they share an e-mail or a normalised name (a member who committed from
 * a laptop and from the forge's web editor is one person). Union–find over the keys, most commits first.
 */
export function mergeAuthors(commits: readonly HistoryCommit[]): Author[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const commit of commits) {
    const keys = keysOf(commit.author, commit.email);
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    for (const key of keys.slice(1)) union(keys[0]!, key);
  }
  const groups = new Map<string, Author>();
  for (const commit of commits) {
    const root = find(keysOf(commit.author, commit.email)[0]!);
    const author = groups.get(root) ?? { names: [], emails: [], commits: [] };
    if (!author.names.includes(commit.author)) author.names.push(commit.author);
    if (!author.emails.includes(commit.email.toLowerCase())) author.emails.push(commit.email.toLowerCase());
    author.commits.push(commit);
    groups.set(root, author);
  }
  return [...groups.values()].sort((a, b) => b.commits.length - a.commits.length);
}

/** Whether a roster entry (a name, or an e-mail) is this author: by e-mail, else by normalised name. */
export function isMember(member: string, author: Author): boolean {
  if (member.includes('@')) return author.emails.includes(member.trim().toLowerCase());
  const key = nameKey(member);
  return key.length > 0 && keysOfAuthor(author).includes(key);
}

function keysOfAuthor(author: Author): string[] {
  return [...author.names.map(nameKey), ...author.emails.map((email) => nameKey(email.split('@')[0] ?? ''))];
}

/** The calendar day a commit was made on, where its author was (the date's own offset). */
export function dayOf(commit: HistoryCommit): string {
  return commit.date.slice(0, 10);
}
