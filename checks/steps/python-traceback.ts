import type { CodeLocation } from '../verdict.js';

/**
 * The last frame of a Python traceback that lies in the candidate's code, plus the exception line. Paths
 * are made relative to the workspace (host path for the local backend, `/workspace` in a container).
 */
export function lastCandidateFrame(stderr: string, workspaceRoots: string[]): { location?: CodeLocation; exception?: string } {
  const frames = [...stderr.matchAll(/File "([^"]+)", line (\d+)/g)];
  let location: CodeLocation | undefined;
  for (const frame of frames.reverse()) {
    const relative = relativeTo(frame[1]!, workspaceRoots);
    if (relative) {
      location = { file: relative, line: Number(frame[2]) };
      break;
    }
  }
  const exception = stderr
    .trimEnd()
    .split('\n')
    .reverse()
    .find((line) => /^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)\b/.test(line.trim()));
  return { location, exception: exception?.trim() };
}

function relativeTo(path: string, roots: string[]): string | undefined {
  for (const root of roots) if (root && path.startsWith(`${root}/`)) return path.slice(root.length + 1);
  return undefined;
}
