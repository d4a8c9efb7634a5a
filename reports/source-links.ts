import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CodeLocation } from '../checks/verdict.js';
import type { RunReport } from './report.js';

/** What a renderer may know about where its output goes (never read from the disk by the renderer itself). */
export interface RenderContext {
  /**
   * The repository's folder as seen from the report's folder (`../../team-a`), for links into a folder
   * source; absent for git sources and when the writer does not say where the report is.
   */
  repoLink?: string;
}

/** Forges whose file URLs at a commit we know how to write, with their line anchor. */
const FORGES: Record<string, (repo: string, commit: string, path: string, line?: number) => string> = {
  'github.com': (repo, commit, path, line) => `https://github.com/${repo}/blob/${commit}/${path}${line ? `#L${line}` : ''}`,
  'gitlab.com': (repo, commit, path, line) => `https://gitlab.com/${repo}/-/blob/${commit}/${path}${line ? `#L${line}` : ''}`,
  'codeberg.org': (repo, commit, path, line) => `https://codeberg.org/${repo}/src/commit/${commit}/${path}${line ? `#L${line}` : ''}`,
  'bitbucket.org': (repo, commit, path, line) => `https://bitbucket.org/${repo}/src/${commit}/${path}${line ? `#lines-${line}` : ''}`,
};

/** `https://github.com/o/r(.git)`, `git@github.com:o/r.git`, `ssh://git@github.com/o/r`: the forge and `o/r`. */
export function forgeRepository(source: string): { host: string; repo: string } | undefined {
  const match = /^(?:https:\/\/(?:[^@/]+@)?|ssh:\/\/git@|git@)([a-z0-9.-]+)[/:]((?:[A-Za-z0-9_.-]+\/)+[A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(source.trim());
  if (!match || !FORGES[match[1]!.toLowerCase()]) return undefined;
  const repo = match[2]!;
  if (repo.split('/').some((part) => part === '.' || part === '..')) return undefined;
  return { host: match[1]!.toLowerCase(), repo };
}

/** The commit's page on its forge, when the source is a git URL of a known forge. */
export function commitUrl(report: RunReport): string | undefined {
  const forge = report.submission.kind === 'git' ? forgeRepository(report.submission.source) : undefined;
  const commit = report.submission.commit;
  if (!forge || !commit || !/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
  return forge.host === 'gitlab.com' ? `https://gitlab.com/${forge.repo}/-/commit/${commit}` : forge.host === 'bitbucket.org' ? `https://bitbucket.org/${forge.repo}/commits/${commit}` : `https://${forge.host}/${forge.repo}/commit/${commit}`;
}

/**
 * Where a jury clicks to see the line: the file at the graded commit on its forge, or the file in the graded
 * folder (a relative link from the report). A path that leaves the repository, or is absolute, gets no link.
 */
export function sourceHref(report: RunReport, location: CodeLocation, context: RenderContext = {}): string | undefined {
  const path = safePath(location.file);
  if (!path) return undefined;
  const { submission } = report;
  if (submission.kind === 'git') {
    const forge = forgeRepository(submission.source);
    const commit = submission.commit;
    if (!forge || !commit || !/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
    return FORGES[forge.host]!(forge.repo, commit, path, location.cell === undefined ? location.line : undefined);
  }
  if (context.repoLink === undefined) return undefined;
  const base = context.repoLink.split('/').map(encodeURIComponent).join('/');
  return base ? `${base}/${path}` : path;
}

/** The repository's folder relative to the report's folder (posix separators), for {@link RenderContext.repoLink}. */
export function repoLinkFor(report: RunReport, reportDir: string): string | undefined {
  if (report.submission.kind !== 'directory') return undefined;
  return relative(resolve(reportDir), resolve(report.submission.source)).split(sep).join('/');
}

/** A repository-relative path with each segment URL-encoded, or undefined if it could leave the repository. */
function safePath(file: string): string | undefined {
  if (!file || isAbsolute(file) || /^[a-z][a-z0-9+.-]*:/i.test(file)) return undefined;
  const parts = file.replace(/\\/g, '/').split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return undefined;
  return parts.map(encodeURIComponent).join('/');
}
