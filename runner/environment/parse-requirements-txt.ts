import type { IgnoredDeclaration, ParsedDependencies } from './requirement.js';
import { parseRequirement } from './requirement.js';

/** Options that name another requirements file, with or without `=`. */
const INCLUDE = /^(?:-r|--requirement)(?:\s+|=)(.+)$/;
const EDITABLE = /^(?:-e|--editable)(?:\s+|=)/;
const URL = /^(?:[a-z][a-z0-9+.-]*\+)?(?:https?|ftp|file|ssh|git):/i;
/** A path or an archive rather than a project name (`./libs/x`, `../pkg`, `dist/x-1.0-py3-none-any.whl`). */
const LOCAL = /^(?:\.{1,2}(?:[/\\]|$)|[/\\~]|[A-Za-z]:[/\\])|\.(?:whl|tar\.gz|zip|tgz)$/i;

/**
 * A pip requirements file (the format pip documents): comments, line continuations, `-r` includes,
 * per-requirement options (`--hash`) and the options a repository may not use to pick an index.
 */
export function parseRequirementsTxt(text: string, file: string): ParsedDependencies {
  const result: ParsedDependencies = { requirements: [], ignored: [], includes: [] };
  const lines = logicalLines(text);
  for (const { line, number } of lines) {
    const declaredIn = `${file}:${number}`;
    const ignore = (reason: IgnoredDeclaration['reason']) => result.ignored.push({ text: line, declaredIn, reason });
    const include = INCLUDE.exec(line);
    if (include) result.includes.push(include[1]!.trim());
    else if (EDITABLE.test(line)) ignore('local-path');
    else if (line.startsWith('-')) ignore('option');
    else if (URL.test(line) || line.split(';')[0]!.includes('@')) ignore('url'); // `name @ https://…` too
    else if (LOCAL.test(line.split(/\s|;/)[0]!)) ignore('local-path');
    else {
      // `--hash=…` and other per-requirement options follow the requirement itself.
      const requirement = parseRequirement(line.replace(/\s+--?[a-z][\w-]*(?:[=\s]\S+)?/gi, ''), declaredIn);
      if (requirement) result.requirements.push(requirement);
      else ignore('unreadable');
    }
  }
  return result;
}

/** Joins `\`-continued lines and drops comments (a `#` at the start or after whitespace, as pip does). */
function logicalLines(text: string): Array<{ line: string; number: number }> {
  const out: Array<{ line: string; number: number }> = [];
  let pending = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!pending) start = index + 1;
    const withoutComment = raw.replace(/(^|\s)#.*$/, '');
    if (/\\$/.test(withoutComment)) {
      pending += `${withoutComment.slice(0, -1)} `;
      return;
    }
    const line = `${pending}${withoutComment}`.trim();
    pending = '';
    if (line) out.push({ line, number: start });
  });
  if (pending.trim()) out.push({ line: pending.trim(), number: start });
  return out;
}
