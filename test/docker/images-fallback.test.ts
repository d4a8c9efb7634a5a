import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { buildImages } from '../../runner/images/build-images.js';
import { buildRecipeImages } from '../../runner/images/fallback/build-recipe-images.js';
import { type ImageRecipeName, listImages } from '../../runner/images/image-lookup.js';
import type { MsprError } from '../../runner/errors.js';
import type { Localized } from '../../runner/i18n.js';
import { engineRequiredTest, probeEngine } from './helpers.js';

const engine = await probeEngine();
engineRequiredTest(engine);

/** The /etc of a host apt does not manage (Fedora): an os-release and no apt folder at all. */
function fedoraEtc(): string {
  const etc = mkdtempSync(join(tmpdir(), 'mspr-fedora-etc-'));
  writeFileSync(join(etc, 'os-release'), 'NAME="Fedora Linux"\nVERSION="40 (Workstation Edition)"\nID=fedora\nVERSION_ID=40\n');
  return etc;
}

/** A registry address on loopback where nothing listens: the pull is refused at once, as with no registry. */
const UNREACHABLE_BASE = '127.0.0.1:9/mspr-test/debian:bookworm-slim';

describe.skipIf(!engine.ok)('images build on a host without Debian apt sources', () => {
  it('falls back to the generated Dockerfiles; an unreachable registry is an error naming options that exist', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'mspr-fallback-cache-'));
    const notices: Localized[] = [];
    const error = (await buildImages({
      client: engine.client,
      recipes: ['postgres'],
      etc: fedoraEtc(),
      cacheDir,
      baseImage: UNREACHABLE_BASE,
      notice: (text) => notices.push(text),
    }).catch((e: unknown) => e)) as MsprError;

    expect(notices).toHaveLength(1);
    expect(notices[0]!.fr).toBe(
      'Aucune source apt pour Debian bookworm sur cette machine. Construction par Dockerfile sur l’image Debian officielle à la place (mêmes paquets, même script d’installation).',
    );
    expect(error.code).toBe('MSPR_SANDBOX_UNAVAILABLE');
    expect(error.text.fr).toBe(
      `Impossible de construire les images : cette machine n’a pas de sources apt Debian (pas de debootstrap possible) et l’image de base ${UNREACHABLE_BASE} n’a pas pu être téléchargée.`,
    );
    const dockerfile = join(cacheDir, 'dockerfiles', 'postgres', 'Dockerfile');
    const hint = error.hint!.fr;
    expect(hint).toContain('`mspr-lab images build --base-image <miroir>/debian:bookworm-slim`');
    expect(hint).toContain(`\`mspr-lab images build --dockerfile <fichier>\` (modèle : ${dockerfile})`);
    expect(hint).toContain('`mspr-lab check … --sandbox local`');
    expect(error.hint!.en).toContain('Any of:');
    // The engine's own reason is kept, so an administrator sees which address was refused.
    expect(error.details.join(' ')).toContain('127.0.0.1:9');
    // The Dockerfile the hint points at is there to read and adapt, with the requested base.
    expect(readFileSync(dockerfile, 'utf8')).toMatch(new RegExp(`^FROM ${UNREACHABLE_BASE.replace(/[.]/g, '\\.')}$`, 'm'));
    expect(existsSync(join(cacheDir, 'dockerfiles', 'postgres', 'setup', 'entrypoint.sh'))).toBe(true);
  });

  it('--method debian does not fall back: the missing apt source is the error', async () => {
    const etc = fedoraEtc();
    mkdirSync(join(etc, 'apt'));
    await expect(buildImages({ client: engine.client, recipes: ['postgres'], etc, method: 'debian', cacheDir: mkdtempSync(join(tmpdir(), 'mspr-fallback-cache-')) })).rejects.toMatchObject({
      code: 'MSPR_SANDBOX_UNAVAILABLE',
      text: { fr: 'Aucune source apt pour Debian bookworm sur cette machine.' },
    });
  });
});

/**
 * The success path, with the real engine and Debian's archive (reachable from containers here, unlike any
 * registry): the base is an image the engine already has — our own Debian-built runtime, so nothing is pulled —
 * and a small recipe of its own, so the result never becomes the default image of the other suites.
 */
describe.skipIf(!engine.ok)('images build from a generated Dockerfile', () => {
  it('installs the recipe’s packages, runs its setup script, applies its configuration; an unchanged rebuild is skipped', async () => {
    const setupDir = mkdtempSync(join(tmpdir(), 'mspr-fallback-setup-'));
    writeFileSync(join(setupDir, 'setup.sh'), '#!/bin/sh\nset -eu\necho from-setup > /etc/mspr-fallback-marker\n');
    const recipe = { name: 'fallback-test' as ImageRecipeName, packages: ['sqlite3'], setupDir, config: ['USER 10001:10001', 'CMD ["sleep", "infinity"]'], revision: 1 };
    const options = { client: engine.client, cacheDir: mkdtempSync(join(tmpdir(), 'mspr-fallback-cache-')), baseImage: engine.image, log: () => undefined };
    const [first] = await buildRecipeImages([recipe], options);
    try {
      expect(first).toMatchObject({ recipe: 'fallback-test', status: 'built', dockerfile: join(options.cacheDir, 'dockerfiles', 'fallback-test', 'Dockerfile') });
      expect(first!.image).toMatch(/^mspr-lab\/fallback-test:df-[0-9a-f]{12}$/);
      const [again] = await buildRecipeImages([recipe], options);
      expect(again).toMatchObject({ image: first!.image, status: 'present' });

      const out = await runIn(first!.image, ['sh', '-c', 'id -u; cat /etc/mspr-fallback-marker; sqlite3 --version >/dev/null && echo sqlite-ok; grep -c "^sqlite3=" /etc/mspr-lab/packages.txt; ls /var/lib/apt/lists | wc -l']);
      expect(out.split('\n')).toEqual(['10001', 'from-setup', 'sqlite-ok', '1', '0', '']);
      expect((await listImages(engine.client, 'fallback-test')).map((image) => image.tag)).toContain(first!.image);
    } finally {
      await engine.client.docker.getImage(first!.image).remove({ force: true }).catch(() => undefined);
    }
  });
});

/** Runs a command in a throwaway container of `image` and returns its standard output. */
async function runIn(image: string, cmd: string[]): Promise<string> {
  const container = await engine.client.docker.createContainer({ Image: image, Cmd: cmd, Labels: { 'mspr-lab.managed': 'true' }, HostConfig: { NetworkMode: 'none' } });
  try {
    const stream = await container.attach({ stream: true, stdout: true, stderr: false });
    const chunks: Buffer[] = [];
    const stdout = new PassThrough();
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    engine.client.docker.modem.demuxStream(stream, stdout, new PassThrough());
    await container.start();
    await container.wait();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await container.remove({ force: true });
  }
}
