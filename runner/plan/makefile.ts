import type { RepoFiles } from './repo-files.js';

export const MAKEFILES = ['GNUmakefile', 'Makefile', 'makefile'];
/** Targets that usually run the whole pipeline, in the order they are tried when the README names none. */
export const CONVENTIONAL_TARGETS = { whole: ['all', 'run', 'pipeline'], stages: ['etl', 'train'] };

export interface MakeTarget {
  name: string;
  line: number;
  prereqs: string[];
  recipe: Array<{ text: string; line: number }>;
}

export interface Makefile {
  file: string;
  targets: Map<string, MakeTarget>;
  /** The first ordinary target: what a bare `make` builds. */
  defaultTarget?: string;
  /** A recipe line with its variables expanded (`$(PYTHON) x.py` → `python3 x.py`). */
  expand(text: string, target: MakeTarget): string;
}

const ASSIGNMENT = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(\?=|::=|:=|\+=|!=|=)\s*(.*)$/;
const RULE = /^([^\s:#=][^:#=]*?)\s*::?(?!=)\s*(.*)$/;
const CONDITIONAL = /^\s*(ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude|define|endef|vpath|unexport)\b/;

/**
 * A Makefile read for its recipes, never run: `make` of arbitrary recipes could do anything, whereas each
 * recipe line the plan keeps becomes a step it can state and trace. Simple variables (`PYTHON ?= python3`,
 * `$(PYTHON)`, `${SRC}`) are expanded; functions such as `$(shell …)` are left as written.
 */
export function readMakefile(repo: RepoFiles): Makefile | undefined {
  const file = MAKEFILES.find((name) => repo.isFile(name));
  const text = file ? repo.text(file, 256 * 1024) : undefined;
  if (!file || text === undefined) return undefined;
  const variables = new Map<string, string>([['MAKE', 'make'], ['CURDIR', '.']]);
  const targets = new Map<string, MakeTarget>();
  let defaultTarget: string | undefined;
  let current: MakeTarget | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!;
    while (/\\$/.test(line) && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!.trim()}`;
    if (line.startsWith('\t')) {
      const recipe = line.slice(1).trim();
      if (current && recipe && !recipe.startsWith('#')) current.recipe.push({ text: recipe, line: start + 1 });
      continue;
    }
    if (/^\s*(#|$)/.test(line) || CONDITIONAL.test(line)) continue;
    const assignment = ASSIGNMENT.exec(line);
    if (assignment) {
      current = undefined;
      const [, name, op, value = ''] = assignment;
      if (op === '?=' && variables.has(name!)) continue;
      if (op === '!=') continue; // a shell assignment: its value is only known by running it
      variables.set(name!, op === '+=' && variables.has(name!) ? `${variables.get(name!)} ${value.trim()}` : value.trim());
      continue;
    }
    const rule = RULE.exec(line);
    if (!rule) {
      current = undefined;
      continue;
    }
    const [depsPart = '', inline] = rule[2]!.replace(/\s#.*$/, '').split(';', 2);
    const names = rule[1]!.split(/\s+/).filter(Boolean);
    current = undefined;
    if (depsPart.includes('=')) continue; // a target-specific variable
    for (const name of names) {
      if (name.startsWith('.') || name.includes('%')) continue;
      const target: MakeTarget = targets.get(name) ?? { name, line: start + 1, prereqs: [], recipe: [] };
      target.prereqs.push(...depsPart.split(/\s+/).filter((dep) => dep && dep !== '|'));
      if (inline?.trim()) target.recipe.push({ text: inline.trim(), line: start + 1 });
      targets.set(name, target);
      defaultTarget ??= name;
      current = target;
    }
  }
  return { file, targets, defaultTarget, expand: (recipe, target) => expand(recipe, variables, target) };
}

/** `@$(PYTHON) $<` → `python3 data/raw.csv`; the recipe prefixes `@ - +` are dropped. */
function expand(text: string, variables: Map<string, string>, target: MakeTarget, depth = 0): string {
  const automatic: Record<string, string> = { '@': target.name, '<': target.prereqs[0] ?? '', '^': target.prereqs.join(' ') };
  const body = depth === 0 ? text.replace(/^[@+-]+\s*/, '') : text;
  const replaced = body
    .replace(/\$\$/g, '\u0000')
    .replace(/\$[({]([A-Za-z_][\w.-]*)[)}]|\$([@<^A-Za-z_])/g, (whole, long: string | undefined, short: string | undefined) => {
      const name = long ?? short!;
      if (name in automatic) return automatic[name]!;
      const value = variables.get(name) ?? '';
      return depth < 10 ? expand(value, variables, target, depth + 1) : value;
    });
  return depth === 0 ? replaced.replace(/\u0000/g, '$').trim() : replaced;
}
