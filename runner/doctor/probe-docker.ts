import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
import { type ImageInfo, listImages } from '../images/image-lookup.js';
import { DockerClient } from '../sandbox/docker/docker-client.js';
import { type DoctorLine, line } from './doctor-line.js';
import { plural } from '../i18n/format.js';
import { failureReason } from './failure-reason.js';

/** What the docker probe learnt, for the database lines (a service image serves a kind without a server). */
export interface DockerFindings {
  lines: DoctorLine[];
  images: ImageInfo[];
}

/**
 * The engine (optional: `--sandbox local` works without it) and mspr-lab's images in it. The client follows
 * DOCKER_HOST by default; a test hands one that points elsewhere.
 */
export async function probeDocker(client = new DockerClient({ callTimeoutMs: 10_000 })): Promise<DockerFindings> {
  const engineLabel = t('Moteur Docker', 'Docker engine');
  const engineNeed = t('isoler le code des équipes (--sandbox docker) et lancer les bases en conteneurs (--services docker)', 'isolating the teams’ code (--sandbox docker) and running databases in containers (--services docker)');
  const imagesLabel = t('Images Docker', 'Docker images');
  const imagesNeed = t('--sandbox docker (mspr-lab/python) et --services docker (postgres, mariadb)', '--sandbox docker (mspr-lab/python) and --services docker (postgres, mariadb)');
  let version: string;
  try {
    version = (await client.call('version', () => client.docker.version())).Version;
  } catch (error) {
    // The daemon's error names the call in English (`connect ENOENT …` after the call’s name): its cause, in words,
    // is what the reader needs; a timeout has no cause and its own message says it.
    const cause = error instanceof MsprError ? error.cause : error;
    const sentence = (text: string) => text.replace(/\.$/, ''); // the timeout's message ends a sentence; the line goes on
    const reason = error instanceof MsprError && !cause ? t(sentence(error.text.fr), sentence(error.text.en)) : failureReason(cause);
    const address = (cause as { address?: unknown } | undefined)?.address;
    const where = typeof address === 'string' ? ` (${address})` : '';
    const fix = ['sudo systemctl start docker', 'sudo usermod -aG docker "$USER"'];
    const fixNote = t('sans systemd : « sudo dockerd & » ; après usermod, reconnectez-vous', 'without systemd: “sudo dockerd &”; after usermod, log in again');
    return {
      images: [],
      lines: [
        line({ id: 'docker-engine', label: engineLabel, required: false, ok: false, summary: t(`injoignable${where} : ${reason.fr}`, `unreachable${where}: ${reason.en}`), need: engineNeed, fix, fixNote }),
        line({ id: 'docker-images', label: imagesLabel, required: false, ok: false, summary: t('non vérifiées : pas de moteur', 'not checked: no engine'), need: imagesNeed, fix, fixNote }),
      ],
    };
  }
  const images = await listImages(client).catch(() => [] as ImageInfo[]);
  const recipes = ['python', 'postgres', 'mariadb'];
  const present = recipes.filter((recipe) => images.some((image) => image.recipe === recipe));
  const missing = recipes.filter((recipe) => !present.includes(recipe));
  const tags = present.map((recipe) => images.find((image) => image.recipe === recipe)!.tag).join(', ') || '—';
  return {
    images,
    lines: [
      line({ id: 'docker-engine', label: engineLabel, required: false, ok: true, summary: t(`Docker ${version}`, `Docker ${version}`), need: engineNeed }),
      line({
        id: 'docker-images',
        label: imagesLabel,
        required: false,
        ok: missing.length === 0,
        summary: missing.length ? t(`${plural(missing.length, 'fr', 'manquante', 'manquantes')} : ${missing.join(', ')} ; ${plural(present.length, 'fr', 'présente', 'présentes')} : ${tags}`, `missing: ${missing.join(', ')}; present: ${tags}`) : t(tags, tags),
        need: imagesNeed,
        fix: [`sudo mspr-lab images build ${missing.join(' ')}`],
      }),
    ],
  };
}
