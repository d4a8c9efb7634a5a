/** Where pip takes packages from, as the installer (host or install container) sees the paths. */
export interface PipSource {
  indexUrl?: string;
  trustedHosts: string[];
  /** Path of the wheel folder as the installer sees it. */
  wheelhouse?: string;
  allowSdist: boolean;
}

/**
 * The options of every `pip install` mspr-lab runs (the requirements follow them). `--isolated` makes pip
 * ignore pip.conf and PIP_* variables, so nothing but these options chooses where packages come from;
 * `--no-index` without an index URL means pip never opens a connection.
 */
export function pipArguments(source: PipSource): string[] {
  const args = ['--isolated', '--no-input', '--disable-pip-version-check', '--no-cache-dir', '--progress-bar', 'off', '--no-warn-script-location'];
  if (source.indexUrl) {
    args.push('--index-url', source.indexUrl);
    for (const host of source.trustedHosts) args.push('--trusted-host', host);
  } else {
    args.push('--no-index');
  }
  if (source.wheelhouse) args.push('--find-links', source.wheelhouse);
  // Wheels install by copying files: no code from the package runs. A source archive runs its build script.
  if (!source.allowSdist) args.push('--only-binary=:all:');
  return args;
}

/** The environment pip runs in: nothing of the grader's own (no credentials, no pip configuration). */
export function pipEnvironment(home: string, withNetwork: boolean, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const base: Record<string, string> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    PYTHONNOUSERSITE: '1',
    PIP_CONFIG_FILE: '/dev/null',
  };
  if (withNetwork) {
    // A school's mirror may only be reachable through its proxy.
    for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy']) {
      if (env[name]) base[name] = env[name]!;
    }
  }
  return base;
}
