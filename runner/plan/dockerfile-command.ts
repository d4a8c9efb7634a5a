import { posix } from 'node:path';
import type { RepoFiles } from './repo-files.js';

/** What a container built from the repository runs, as the plan sees it. */
export interface ContainerCommand {
  argv: string[];
  /** Workspace-relative folder matching the container's working directory. */
  cwd: string;
  /** `Dockerfile:12`, `docker-compose.yml:9`. */
  reason: string;
}

/** The parts of a Dockerfile's last stage the plan needs. */
export interface DockerfileFacts {
  file: string;
  command?: ContainerCommand;
  /** Where `COPY . <dir>` put the repository in the image (`/app`), when it did. */
  repoDir?: string;
  /** The workspace folder matching the last WORKDIR (where a command given to `docker run` starts). */
  cwd: string;
  /** Maps an absolute container folder to a workspace folder (`/app/src` → `src`). */
  toWorkspace(containerDir: string | undefined): string;
}

interface Instruction {
  keyword: string;
  value: string;
  line: number;
}

/**
 * Reads `CMD`/`ENTRYPOINT` of a Dockerfile's last stage, with the working directory they start in mapped
 * back to the repository (`COPY . /app` + `WORKDIR /app/src` → `src`).
 */
export function readDockerfile(repo: RepoFiles, file: string): DockerfileFacts | undefined {
  const text = repo.text(file, 256 * 1024);
  if (text === undefined) return undefined;
  let workdir = '/';
  let repoDir: string | undefined;
  let cmd: Instruction | undefined;
  let entrypoint: Instruction | undefined;
  for (const instruction of instructions(text)) {
    switch (instruction.keyword) {
      case 'FROM':
        workdir = '/';
        repoDir = undefined;
        cmd = entrypoint = undefined;
        break;
      case 'WORKDIR':
        workdir = posix.resolve(workdir, instruction.value.trim());
        break;
      case 'COPY':
      case 'ADD': {
        const words = instruction.value.split(/\s+/).filter((word) => word && !word.startsWith('--'));
        const sources = words.slice(0, -1);
        if (sources.some((source) => source === '.' || source === './')) repoDir = posix.resolve(workdir, words.at(-1)!);
        break;
      }
      case 'CMD':
        cmd = instruction;
        break;
      case 'ENTRYPOINT':
        entrypoint = instruction;
        break;
    }
  }
  const root = repoDir ?? workdir;
  const toWorkspace = (dir: string | undefined): string => {
    if (!dir) return '.';
    const rel = posix.relative(root, posix.resolve(workdir, dir));
    return rel === '' ? '.' : rel.startsWith('..') ? '.' : rel;
  };
  const argv = combine(entrypoint, cmd);
  const line = (entrypoint ?? cmd)?.line;
  return {
    file,
    repoDir,
    cwd: toWorkspace(workdir),
    toWorkspace,
    command: argv && argv.length > 0 ? { argv, cwd: toWorkspace(workdir), reason: `${file}:${line}` } : undefined,
  };
}

/** Docker's rule: an exec-form ENTRYPOINT takes CMD as its arguments; a shell-form one ignores CMD. */
function combine(entrypoint: Instruction | undefined, cmd: Instruction | undefined): string[] | undefined {
  const cmdArgv = cmd ? argvOf(cmd.value) : [];
  if (!entrypoint) return cmdArgv;
  const exec = execForm(entrypoint.value);
  return exec ? [...exec, ...cmdArgv] : argvOf(entrypoint.value);
}

function argvOf(value: string): string[] {
  const exec = execForm(value);
  // Shell form: the plan opens `sh -c` like any other line (`CMD python etl.py && python train.py`).
  return exec ?? (value.trim() ? ['sh', '-c', value.trim()] : []);
}

function execForm(value: string): string[] | undefined {
  const trimmed = value.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Instructions with continuation lines joined and comments dropped, each with its first line number. */
function instructions(text: string): Instruction[] {
  const found: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(#|$)/.test(lines[i]!)) continue;
    const start = i;
    let joined = lines[i]!;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) joined = joined.replace(/\\\s*$/, ' ') + lines[++i]!;
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(joined);
    if (match) found.push({ keyword: match[1]!.toUpperCase(), value: match[2]!, line: start + 1 });
  }
  return found;
}
