import { posix } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { type ContainerCommand, readDockerfile } from './dockerfile-command.js';
import type { RepoFiles } from './repo-files.js';

export const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];

/** One service of the team's compose file, with what it runs. */
export interface ComposeService {
  name: string;
  /** `command:` (with `entrypoint:`), else the CMD of the Dockerfile it builds; undefined for images alone. */
  command?: ContainerCommand;
  /** The workspace folder a command given to `docker compose run <service> <cmd>` starts from. */
  cwd: string;
  /** Maps `docker compose run -w <dir>` to a workspace folder. */
  toWorkspace(containerDir: string | undefined): string;
}

export interface ComposeFile {
  file: string;
  services: ComposeService[];
}

/** Reads the repository's compose file, when it has one; line numbers point at `command:`. */
export function readComposeFile(repo: RepoFiles): ComposeFile | undefined {
  const file = COMPOSE_FILES.find((name) => repo.isFile(name));
  const text = file ? repo.text(file, 256 * 1024) : undefined;
  if (!file || text === undefined) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const services = doc.get('services', true);
  if (!isMap(services)) return { file, services: [] };
  const lineOf = (node: Node | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const found: ComposeService[] = [];
  for (const pair of services.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const body = pair.value;
    if (!name || !isMap(body)) continue;
    const dockerfile = buildDockerfile(body.toJSON() as Record<string, unknown>);
    const facts = dockerfile ? readDockerfile(repo, dockerfile) : undefined;
    const toWorkspace = (dir: string | undefined) => (facts ? facts.toWorkspace(dir) : mapWithoutDockerfile(dir));
    const workingDir = body.get('working_dir');
    const commandNode = body.get('command', true) as Node | undefined;
    const entrypointNode = body.get('entrypoint', true) as Node | undefined;
    const cwd = typeof workingDir === 'string' ? toWorkspace(workingDir) : (facts?.cwd ?? '.');
    let command: ContainerCommand | undefined;
    if (commandNode || entrypointNode) {
      const argv = [...argvOf(entrypointNode), ...argvOf(commandNode)];
      if (argv.length > 0) command = { argv, cwd, reason: `${file}:${lineOf(commandNode ?? entrypointNode)}` };
    } else if (facts?.command) {
      command = facts.command;
    }
    found.push({ name, command, cwd, toWorkspace });
  }
  return { file, services: found };
}

function argvOf(node: Node | undefined): string[] {
  if (isSeq(node)) return node.items.map((item) => String(isScalar(item) ? item.value : item));
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) return ['sh', '-c', node.value.trim()];
  return [];
}

/** `build: .` or `build: { context: ., dockerfile: docker/Dockerfile }` → the Dockerfile's path. */
function buildDockerfile(service: Record<string, unknown>): string | undefined {
  const build = service.build;
  if (typeof build === 'string') return posix.normalize(posix.join(build, 'Dockerfile'));
  if (build && typeof build === 'object') {
    const { context = '.', dockerfile = 'Dockerfile' } = build as { context?: string; dockerfile?: string };
    return posix.normalize(posix.join(context, dockerfile));
  }
  return undefined;
}

/** Without a Dockerfile, the usual `/app` (or `/code`, `/workspace`) is taken as the repository's place. */
function mapWithoutDockerfile(dir: string | undefined): string {
  const match = dir ? /^\/(?:app|code|workspace|src\/app|usr\/src\/app)(?:\/(.*))?$/.exec(dir) : undefined;
  return match?.[1] ? posix.normalize(match[1]) : '.';
}
