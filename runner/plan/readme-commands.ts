import type { RepoFiles } from './repo-files.js';
import { parseShellLine, type SimpleCommand } from './shell-line.js';

export const README_FILES = ['README.md', 'readme.md', 'Readme.md', 'README.MD', 'README.markdown', 'README.rst', 'README.txt', 'README'];

/** A command written in the README, where it was written, and whether it sits in a run/usage section. */
export interface ReadmeCommand extends SimpleCommand {
  line: number;
  inRunSection: boolean;
  placeholder: boolean;
  /** The command as written (shown when it cannot be run as written). */
  text: string;
}

/**
 * Headings (and « Lancer : » labels) that announce how to run the project, French or English. Accents
 * are folded before matching, so « Exécution » and « Execution » both count.
 */
const RUN_HEADING = /\b(lanc|execut|utilis|usage|install|demarr|mise en (route|place|oeuvre)|quick ?start|getting started|how to|run|running|pipeline|reprodu|command|mode d.emploi|entrain|train|etl|tutori|comment (lancer|executer|utiliser))/;
const RUN_LABEL = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*(?:pour\s+)?(lancer|lancement|executer|execution|run|usage|utilisation|demarrer|demarrage|commande|entrainer|entrainement)\b[^:`]{0,40}:/;
/** Fence languages that hold shell commands; a ```python block is code, not commands. */
const SHELL_FENCES = new Set(['', 'bash', 'sh', 'shell', 'console', 'zsh', 'terminal', 'cmd', 'bat', 'batch', 'dos', 'powershell', 'ps', 'ps1', 'pwsh', 'text', 'txt', 'plaintext', 'shell-session', 'sh-session', 'shellsession', 'commandline', 'none', 'make']);
const PROMPT = /^\s*(?:\(\S+\)\s*)?(?:\$|%|>|PS [^>]*>|[A-Za-z]:\\[^>]*>)\s+/;

export function findReadme(repo: RepoFiles): string | undefined {
  return README_FILES.find((name) => repo.isFile(name));
}

/** Every command of the README, in order: fenced shell blocks (where `cd` carries over) and inline code. */
export function readmeCommands(text: string): ReadmeCommand[] {
  const lines = text.split(/\r?\n/);
  const found: ReadmeCommand[] = [];
  const headings: Array<{ level: number; run: boolean }> = [];
  let fence: { marker: string; shell: boolean; run: boolean; cwd: string; prompted: boolean } | undefined;
  let labelled = false;
  let seenHeading = false;
  const inRun = () => headings.some((heading) => heading.run);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        fence = undefined;
        continue;
      }
      if (!fence.shell) continue;
      const start = i;
      let joined = line;
      while (/\\\s*$/.test(joined) && i + 1 < lines.length) joined = `${joined.replace(/\\\s*$/, '')} ${lines[++i]!.trim()}`;
      if (fence.prompted && !PROMPT.test(joined)) continue;
      const command = joined.replace(PROMPT, '').trim();
      if (!command || command.startsWith('#') || command.startsWith('//') || /^rem\s/i.test(command)) continue;
      const parsed = parseShellLine(command, fence.cwd);
      fence.cwd = parsed.cwd;
      for (const simple of parsed.commands) found.push({ ...simple, line: start + 1, inRunSection: fence.run, placeholder: parsed.placeholder, text: command });
      continue;
    }
    const open = /^\s*(`{3,}|~{3,})\s*\{?\.?([\w+-]*)/.exec(line);
    if (open) {
      const language = open[2]!.toLowerCase();
      const body = blockUntil(lines, i + 1, open[1]!);
      fence = { marker: open[1]!, shell: SHELL_FENCES.has(language), run: inRun() || labelled, cwd: '.', prompted: body.some((l) => PROMPT.test(l) && /^\s*(\$|%|PS |[A-Za-z]:\\)/.test(l)) };
      labelled = false;
      continue;
    }
    const heading = headingOf(line, lines[i + 1]);
    if (heading) {
      while (headings.length > 0 && headings.at(-1)!.level >= heading.level) headings.pop();
      // The document's first level-1 heading is its title (« Pipeline ventes »), not a run section.
      const title = heading.level === 1 && !seenHeading;
      seenHeading = true;
      headings.push({ level: heading.level, run: !title && RUN_HEADING.test(fold(heading.text)) });
      if (heading.setext) i++;
      labelled = false;
      continue;
    }
    const label = RUN_LABEL.test(fold(line));
    if (line.trim()) labelled = label && /:\s*$/.test(line.trim());
    for (const match of line.matchAll(/(`+)([^`]+?)\1/g)) {
      const parsed = parseShellLine(match[2]!.trim(), '.');
      for (const simple of parsed.commands) found.push({ ...simple, line: i + 1, inRunSection: inRun() || label, placeholder: parsed.placeholder, text: match[2]!.trim() });
    }
  }
  return found;
}

function blockUntil(lines: string[], from: number, marker: string): string[] {
  const body: string[] = [];
  for (let i = from; i < lines.length && !lines[i]!.trim().startsWith(marker); i++) body.push(lines[i]!);
  return body;
}

function headingOf(line: string, next: string | undefined): { level: number; text: string; setext: boolean } | undefined {
  const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  if (atx) return { level: atx[1]!.length, text: atx[2]!, setext: false };
  if (next !== undefined && line.trim() && !/^\s*([-*+>|]|\d+[.)])\s/.test(line) && !line.includes('`')) {
    if (/^\s*=+\s*$/.test(next)) return { level: 1, text: line.trim(), setext: true };
    if (/^\s*-{3,}\s*$/.test(next)) return { level: 2, text: line.trim(), setext: true };
  }
  return undefined;
}

/** Lower case without accents, so headings match whatever the keyboard. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
