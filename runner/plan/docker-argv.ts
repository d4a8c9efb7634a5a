/**
 * What a `docker compose run … app <cmd>` line runs inside its container. The container is only the
 * team's way to get an environment; the sandbox is ours, so the plan keeps `<cmd>` and drops the wrapper.
 */
export type DockerRun =
  | { kind: 'inner'; argv: string[]; service?: string; workdir?: string }
  /** A service started with no command: its compose `command:` (or its image's CMD) says what runs. */
  | { kind: 'service'; service: string; workdir?: string }
  /** `docker compose up [services]`: each service's own command. */
  | { kind: 'up'; services: string[] }
  | { kind: 'unresolved' };

const COMPOSE_GLOBAL_VALUED = new Set(['-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory', '--ansi', '--progress', '--parallel']);
const RUN_VALUED = new Set(['-e', '--env', '-v', '--volume', '-w', '--workdir', '--name', '--entrypoint', '-u', '--user', '-p', '--publish', '-l', '--label', '--env-from-file', '--pull', '--cap-add', '--cap-drop', '--network', '--net', '--mount', '-m', '--memory', '--cpus', '--gpus', '--platform', '--add-host', '-h', '--hostname', '--shm-size', '--ulimit', '--device', '--restart', '--env-file', '--index', '--scale', '--timeout', '--exit-code-from', '--attach', '--no-attach', '--wait-timeout', '--log-driver', '--ipc', '--pid', '--runtime', '--security-opt', '--tmpfs', '--dns', '--expose', '--stop-signal', '--health-cmd', '--link']);
const RUN_FLAGS = new Set(['--rm', '-d', '--detach', '--no-deps', '-T', '--no-TTY', '--service-ports', '--use-aliases', '--build', '-i', '-t', '--interactive', '--tty', '-it', '-ti', '--remove-orphans', '-P', '--publish-all', '--quiet-pull', '--privileged', '--init', '--read-only', '--no-build', '--force-recreate', '--no-recreate', '--abort-on-container-exit', '--wait', '--no-start', '--no-color', '--always-recreate-deps', '--renew-anon-volumes', '-V', '--no-log-prefix', '--timestamps', '--sig-proxy']);

/** Reads a docker command line; undefined when it is not one. */
export function readDockerRun(argv: string[]): DockerRun | undefined {
  const [program, ...rest] = argv;
  if (program === 'docker-compose') return compose(rest);
  if (program !== 'docker') return undefined;
  if (rest[0] === 'compose') return compose(rest.slice(1));
  if (rest[0] === 'exec' || rest[0] === 'run' || (rest[0] === 'container' && (rest[1] === 'run' || rest[1] === 'exec'))) {
    const words = rest[0] === 'container' ? rest.slice(2) : rest.slice(1);
    const read = readOptions(words, RUN_VALUED, false);
    if (!read) return { kind: 'unresolved' };
    const [target, ...command] = read.rest;
    // `docker run image` alone runs the image's CMD, which only a registry or a build could tell.
    if (!target || command.length === 0) return { kind: 'unresolved' };
    return { kind: 'inner', argv: command, workdir: read.workdir };
  }
  return { kind: 'unresolved' };
}

function compose(words: string[]): DockerRun {
  const global = readOptions(words, COMPOSE_GLOBAL_VALUED, true);
  if (!global) return { kind: 'unresolved' };
  const [sub, ...args] = global.rest;
  if (sub !== 'run' && sub !== 'exec' && sub !== 'up') return { kind: 'unresolved' };
  const read = readOptions(args, RUN_VALUED, sub === 'up');
  if (!read) return { kind: 'unresolved' };
  if (sub === 'up') return { kind: 'up', services: read.rest };
  const [service, ...command] = read.rest;
  if (!service) return { kind: 'unresolved' };
  return command.length > 0 ? { kind: 'inner', argv: command, service, workdir: read.workdir } : { kind: 'service', service, workdir: read.workdir };
}

/**
 * Consumes leading options. An unknown option makes the line unreadable (is its next word a value or the
 * service?), except for `up`, whose words after the options are all service names.
 */
function readOptions(words: string[], valued: Set<string>, lenient: boolean): { rest: string[]; workdir?: string } | undefined {
  let workdir: string | undefined;
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('-') || word === '-') break;
    if (word === '--') {
      i++;
      break;
    }
    const [name, inlineValue] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    if (valued.has(name)) {
      const value = inlineValue ?? words[++i];
      if (name === '-w' || name === '--workdir') workdir = value;
      continue;
    }
    if (RUN_FLAGS.has(name) || inlineValue !== undefined || lenient) continue;
    return undefined;
  }
  return { rest: words.slice(i), workdir };
}
