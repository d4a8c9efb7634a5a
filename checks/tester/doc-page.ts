/**
 * A check's doc page names its verdicts in each "Verdicts" section (one per language), each key in
 * backticks inside the parentheses after a bold status, English or French: `- **fail** (`tooSmall`) — …`,
 * `- **échec** (`tooSmall`) — …`; several keys:
 * `**skip** (`noFile`, `noTrace`)`, `**fail** (`tooFew`), (`none`)`, `**pass** (`refit` or `fit`)`. A key
 * opens the parentheses or follows a comma, `or` or `ou`; anything else in backticks (an example message,
 * code) is not a key.
 */
export function docVerdictSections(markdown: string): Array<{ heading: string; keys: string[] }> {
  const sections: Array<{ heading: string; keys: string[] }> = [];
  let current: { heading: string; level: number; keys: string[] } | undefined;
  for (const line of listItems(markdown)) {
    const heading = /^(#{2,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      if (current && level <= current.level) current = undefined;
      if (/^verdicts?\b/i.test(heading[2]!.trim())) {
        current = { heading: heading[2]!.trim(), level, keys: [] };
        sections.push(current);
      }
      continue;
    }
    if (!current) continue;
    for (const match of line.matchAll(/\*\*(?:pass|fail|warn|skip|error|réussi|échec|avertissement|non évalué|erreur)\*\*((?:,?\s*\([^)]*\))+)/g)) {
      for (const key of match[1]!.matchAll(/\(\s*`(\w+)`|,\s*`(\w+)`|\bor\s+`(\w+)`|\bou\s+`(\w+)`/g)) {
        const name = key[1] ?? key[2] ?? key[3] ?? key[4];
        if (name && !current.keys.includes(name)) current.keys.push(name);
      }
    }
  }
  return sections;
}

/** The page's lines with each list item's wrapped lines joined to it: a status ending one line, its key opening the next. */
function listItems(markdown: string): string[] {
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    const continues = /^\s+\S/.test(line) && !/^\s*([-*+]|\d+\.)\s/.test(line) && lines.length > 0 && /^\s*([-*+]|\d+\.)\s/.test(lines[lines.length - 1]!);
    if (continues) lines[lines.length - 1] += ` ${line.trim()}`;
    else lines.push(line);
  }
  return lines;
}

/**
 * What a doc page gets wrong about its check's verdicts: no Verdicts section, a key the check does not
 * have, or a key of the check left out. `error` is the runner's, never a check's key.
 */
export function docPageProblems(markdown: string, messageKeys: readonly string[]): string[] {
  const sections = docVerdictSections(markdown);
  if (sections.length === 0) return ['no "## Verdicts" section listing the verdicts as **status** (`key`)'];
  const problems: string[] = [];
  for (const section of sections) {
    const listed = section.keys.filter((key) => key !== 'error');
    for (const key of listed) if (!messageKeys.includes(key)) problems.push(`"${section.heading}" lists \`${key}\`, which is not a message key (keys: ${messageKeys.join(', ')})`);
    for (const key of messageKeys) if (!listed.includes(key)) problems.push(`"${section.heading}" does not list \`${key}\` (write **status** (\`${key}\`) — what it means)`);
  }
  return problems;
}
