import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { decodeText } from '../evidence/decode-text.js';
import { readFileInside } from '../safe-read/read-inside.js';
import { looksBinary } from './looks-binary.js';
import { DEPENDENCY_FILE, parseDependencyFile } from './parse-dependency-file.js';
import type { DeclaredRequirement, IgnoredDeclaration } from './requirement.js';

/** Input of the environment stage: where the steps run from, and the files the README installs. */
export interface RequirementSources {
  workspaceDir: string;
  /** Folders steps run from, relative to the workspace (`.` at least). */
  folders: string[];
  /** Further requirement files the README names (`pip install -r api/requirements.txt`). */
  files: string[];
}

/** Everything the team declares, merged: one requirement per package, in declaration order. */
export interface GatheredRequirements {
  requirements: DeclaredRequirement[];
  ignored: IgnoredDeclaration[];
  /** Dependency files read, relative to the workspace. */
  files: string[];
}

/** A dependency file is a few kilobytes; anything bigger is not one, and reading it would cost memory. */
const MAX_FILE_BYTES = 1024 * 1024;
/** `-r` chains end somewhere, even cyclic or hostile ones. */
const MAX_FILES = 64;

/**
 * Finds and reads the team's dependency files before any of its code runs. Only regular files inside
 * the workspace are read (a link out of it, a FIFO or a huge file is listed as unreadable instead).
 */
export function gatherRequirements(sources: RequirementSources): GatheredRequirements {
  const root = realpathSync(sources.workspaceDir);
  const queue: string[] = [];
  for (const folder of sources.folders.length > 0 ? sources.folders : ['.']) {
    const dir = inside(root, folder);
    if (dir === undefined) continue;
    for (const name of safeReaddir(join(root, dir)).sort()) if (DEPENDENCY_FILE.test(name)) queue.push(posix.join(dir, name));
  }
  queue.push(...sources.files.map((file) => posix.normalize(file)));

  const gathered: GatheredRequirements = { requirements: [], ignored: [], files: [] };
  const byName = new Map<string, DeclaredRequirement>();
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < MAX_FILES) {
    const path = inside(root, queue.shift()!);
    if (path === undefined || seen.has(path)) continue;
    seen.add(path);
    const text = readSmallFile(root, path);
    if (text === undefined || looksBinary(text)) {
      gathered.ignored.push({ text: path, declaredIn: path, reason: 'unreadable' });
      continue;
    }
    gathered.files.push(path);
    const parsed = parseDependencyFile(path, text);
    gathered.ignored.push(...parsed.ignored);
    for (const include of parsed.includes) queue.push(posix.join(posix.dirname(path), include));
    for (const requirement of parsed.requirements) merge(byName, requirement);
  }
  gathered.requirements = [...byName.values()];
  return gathered;
}

/** The same package in two files: one requirement holding both constraints (pip would apply both). */
function merge(byName: Map<string, DeclaredRequirement>, requirement: DeclaredRequirement): void {
  const known = byName.get(requirement.name);
  if (!known) {
    byName.set(requirement.name, requirement);
    return;
  }
  const parts = new Set([...known.specifier.split(','), ...requirement.specifier.split(',')].filter(Boolean));
  known.specifier = [...parts].sort().join(',');
  known.extras = [...new Set([...known.extras, ...requirement.extras])].sort();
}

/** The workspace-relative form of a path, or undefined when it leaves the workspace. */
function inside(root: string, path: string): string | undefined {
  const normalized = posix.normalize(path.replace(/\\/g, '/'));
  if (isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) return undefined;
  const rel = relative(root, join(root, normalized));
  if (rel.startsWith(`..${sep}`) || rel === '..') return undefined;
  return rel === '' ? '.' : rel.split(sep).join('/');
}

function safeReaddir(dir: string): string[] {
  try {
    return lstatSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}

/** Through the safe reader: regular files inside the workspace only (a link out, a FIFO, a huge file: refused). */
function readSmallFile(root: string, relativePath: string): string | undefined {
  try {
    return decodeText(readFileInside(root, relativePath, { maxBytes: MAX_FILE_BYTES, kind: 'textBytes' })).text;
  } catch {
    return undefined;
  }
}
