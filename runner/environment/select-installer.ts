import type { SandboxBackend, SandboxLimits } from '../sandbox/sandbox.js';
import type { Installer } from './installer.js';
import { LocalInstaller } from './local-installer.js';

/** The installer matching the sandbox: the venv must be built by the interpreter that will run the code. */
export async function installerFor(backend: SandboxBackend, options: { python: string; image?: string; limits: SandboxLimits }): Promise<Installer> {
  if (backend.name === 'local') return new LocalInstaller(options.python);
  // Loaded lazily, as the docker backend itself is.
  const [{ DockerBackend }, { DockerInstaller }] = await Promise.all([import('../sandbox/docker/docker-backend.js'), import('./docker-installer.js')]);
  if (!(backend instanceof DockerBackend)) throw new Error(`no installer for the ${backend.name} backend`);
  return new DockerInstaller(backend.client, await backend.resolveImage(options.image), options.limits);
}
