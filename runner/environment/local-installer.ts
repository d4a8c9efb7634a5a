import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { type Localized, t } from '../i18n.js';
import { packagePath } from '../paths.js';
import { driverFailure, driverSpec, type DriverResult, type InstallJob, type Installer } from './installer.js';
import { pipArguments, pipEnvironment } from './pip-invocation.js';

/**
 * Prints what identifies an interpreter and the packages it already sees (dist-info names carry versions),
 * and which modules of the data stack it cannot find (find_spec: nothing is imported).
 */
const PROBE = `
import hashlib, importlib.util, json, os, platform, sys, sysconfig
digest = hashlib.sha256()
for folder in sorted(set(p for p in sys.path if p.endswith(("site-packages", "dist-packages")) and os.path.isdir(p))):
    for name in sorted(os.listdir(folder)):
        if name.endswith((".dist-info", ".egg-info")):
            digest.update((folder + "/" + name + "\\n").encode())
missing = [m for m in ("pandas", "sklearn") if importlib.util.find_spec(m) is None]
print(json.dumps({"version": platform.python_version(), "platform": sysconfig.get_platform(),
                  "executable": os.path.realpath(sys.executable), "prefix": sys.prefix, "tag": sys.implementation.cache_tag or "",
                  "site": digest.hexdigest()[:16], "missing": ",".join(missing)}))
`;

/** Builds venvs on the host, with the interpreter the local sandbox runs the team's code with. */
export class LocalInstaller implements Installer {
  readonly kind = 'local' as const;
  private probed: Promise<Record<string, string>> | undefined;

  constructor(private readonly python: string) {}

  identity(): Promise<Record<string, string>> {
    this.probed ??= execa(this.python, ['-c', PROBE], { env: pipEnvironment('/tmp', false), extendEnv: false, timeout: 60_000 }).then(
      (result) => JSON.parse(result.stdout) as Record<string, string>,
    );
    return this.probed;
  }

  async missingDebianPackages(packages: string[]): Promise<string[]> {
    if (packages.length === 0) return [];
    const query = await execa('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...packages], { reject: false });
    const installed = new Set(query.stdout.split('\n').filter((line) => line.endsWith(' installed')).map((line) => line.split(' ')[0]!));
    return packages.filter((name) => !installed.has(name));
  }

  /** An interpreter without the data stack is the grading machine's problem: no venv hides it (see the preflight). */
  async unusableBase(): Promise<Localized | undefined> {
    const { missing } = await this.identity();
    if (!missing) return undefined;
    return t(`l’interpréteur ${this.python} n’a pas la pile de données (il lui manque ${missing})`, `the interpreter ${this.python} lacks the data stack (${missing} missing)`);
  }

  venvPath(hostDir: string): string {
    return hostDir;
  }

  async run(job: InstallJob): Promise<DriverResult> {
    const home = join(job.ioDir, 'home');
    await mkdir(home, { recursive: true });
    const spec = driverSpec(job, { venv: job.venvHostDir, io: job.ioDir, wheelhouse: job.source.wheelhouse }, pipArguments);
    await writeFile(join(job.ioDir, 'spec.json'), JSON.stringify(spec));
    // -B: the driver's own modules are not byte-compiled into mspr-lab's installation folder.
    const driver = await execa(this.python, ['-B', packagePath('runner', 'environment', 'python', 'install_requirements.py'), join(job.ioDir, 'spec.json')], {
      env: pipEnvironment(home, Boolean(job.source.indexUrl)),
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      timeout: (job.timeoutSec + 60) * 1000,
      forceKillAfterDelay: 2_000,
      cleanup: true,
    });
    try {
      return JSON.parse(await readFile(join(job.ioDir, 'result.json'), 'utf8')) as DriverResult;
    } catch {
      const why = driver.timedOut ? 'install timed out' : `install driver exited with ${driver.exitCode ?? driver.signal}`;
      return driverFailure(why, `${driver.stderr ?? ''}`.slice(-4000));
    }
  }
}
