import { posix } from 'node:path';

/** Where the team's venv is mounted in the install container and in the docker sandbox (the same path in both). */
export const DOCKER_VENV_PATH = '/opt/mspr-venv';

/** The venv's interpreter: what `python` means in the sandbox once the venv exists. */
export function venvPython(venvPath: string): string {
  return posix.join(venvPath, 'bin', 'python');
}

/**
 * What `source bin/activate` would set, for processes started without a shell: the venv's scripts first on
 * PATH (`python3`, `jupyter`, console scripts of installed packages), and its kernel spec first for Jupyter,
 * so a notebook's kernel runs in the venv too and not in the system interpreter.
 */
export function venvEnvironment(venvPath: string, basePath: string): Record<string, string> {
  return {
    VIRTUAL_ENV: venvPath,
    PATH: `${posix.join(venvPath, 'bin')}:${basePath}`,
    JUPYTER_PATH: posix.join(venvPath, 'share', 'jupyter'),
  };
}
