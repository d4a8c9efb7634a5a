import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';

/**
 * The mspr-lab source tree that holds `start`: the first folder upwards with mspr-lab's package.json and a
 * `checks/registry.ts`. A check is added to a checkout (where it is developed and tested), never to an
 * installed copy, so the working directory decides, not where this CLI happens to be installed.
 */
export function findSourceTree(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (isSourceTree(dir)) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new MsprError('MSPR_USAGE', t(`Aucune copie des sources de mspr-lab autour de ${start}.`, `No mspr-lab source tree around ${start}.`), {
    hint: t(
      'Lancez la commande dans votre copie du dépôt mspr-lab (là où se trouvent package.json et checks/registry.ts).',
      'Run the command inside your mspr-lab checkout (where package.json and checks/registry.ts are).',
    ),
  });
}

function isSourceTree(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest) || !existsSync(join(dir, 'checks', 'registry.ts'))) return false;
  try {
    return JSON.parse(readFileSync(manifest, 'utf8')).name === 'mspr-lab';
  } catch {
    return false;
  }
}
