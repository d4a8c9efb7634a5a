import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageAudit } from '../../runner/browser/page-audit.js';
import { collectReportImages } from '../../runner/report-images/collect-report-images.js';
import type { FigureEvent } from '../../runner/tracer/data-event-types.js';
import { chartPng } from './image-fixtures.js';

let seq = 0;
function saved(file: string, facts: Partial<FigureEvent> = {}): FigureEvent {
  seq += 1;
  return { type: 'figure', seq, ts: seq, pid: 1, figure: `fig-${file}`, trigger: 'savefig', file, axes: [], site: { file: 'notebooks/analyse.ipynb', cell: 4, line: 3 }, ...facts };
}

function workspace(): { root: string; runDir: string } {
  const runDir = mkdtempSync(join(tmpdir(), 'mspr-images-'));
  const root = join(runDir, 'workspace');
  mkdirSync(join(root, 'figures'), { recursive: true });
  return { root, runDir };
}

const MiB = 1024 * 1024;

describe('collectReportImages: the team’s saved figures, read as hostile files', () => {
  it('shows a saved PNG with its title and axes; refuses a link, a FIFO, a vector file, a gone file, an oversize one', async () => {
    const { root, runDir } = workspace();
    writeFileSync(join(root, 'figures/ventes.png'), await chartPng(1200, 800));
    writeFileSync(join(runDir, 'secret.png'), await chartPng(100, 100)); // the grader's side, outside the repository
    symlinkSync(join(runDir, 'secret.png'), join(root, 'figures/lien.png'));
    execFileSync('mkfifo', [join(root, 'figures/tube.png')]);
    writeFileSync(join(root, 'figures/carte.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'figures/enorme.png'), Buffer.alloc(2 * MiB));
    const figures = [
      saved('figures/ventes.png', { suptitle: null, axes: [{ axes: 'a1', title: 'Ventes par mois', xlabel: 'Mois', ylabel: 'Ventes (€)', has_data: true }] }),
      saved('figures/lien.png'),
      saved('figures/tube.png'),
      saved('figures/carte.svg'),
      saved('figures/disparue.png'),
      saved('figures/enorme.png'),
      saved('$datasets/ailleurs.png'),
      saved('/tmp/absolu.png'),
      { ...saved('figures/ventes.png'), trigger: 'show' },
      { ...saved('figures/statique.png'), observed: false as const },
    ];
    const images = await collectReportImages({ workspaceDir: root, figures, runDir, pages: [], maxFileBytes: MiB });
    expect(images.shown.map(({ base64, ...rest }) => ({ ...rest, base64: base64.length > 100 }))).toEqual([
      { kind: 'figure', source: 'figures/ventes.png', title: 'Ventes par mois', xlabel: 'Mois', ylabel: 'Ventes (€)', location: { file: 'notebooks/analyse.ipynb', cell: 4, line: 3 }, type: 'image/png', width: 720, height: 480, originalWidth: 1200, originalHeight: 800, base64: true },
    ]);
    const why = Object.fromEntries(images.notShown.map((item) => [item.source, item.why.fr]));
    expect(Object.keys(why)).toEqual(['figures/lien.png', 'figures/tube.png', 'figures/carte.svg', 'figures/disparue.png', 'figures/enorme.png']);
    expect(why['figures/lien.png']).toMatch(/^Fichier refusé : « figures\/lien\.png » est un lien symbolique/);
    expect(why['figures/tube.png']).toMatch(/^Fichier refusé : « figures\/tube\.png » est un tube nommé \(FIFO\)/);
    expect(why['figures/carte.svg']).toBe('figure vectorielle (SVG, PDF, EPS) : seules les images PNG et JPEG sont montrées');
    expect(why['figures/disparue.png']).toBe('le fichier n’existe plus après l’exécution');
    expect(why['figures/enorme.png']).toBe('Fichier refusé : « figures/enorme.png » fait 2.0 MiB (taille apparente), au-delà de la limite de 1.0 MiB pour les figures enregistrées (PNG, JPEG) ; il n’est pas lu.');
  });

  it('a file saved twice is shown once, as its last save left it, in the order of first save', async () => {
    const { root, runDir } = workspace();
    writeFileSync(join(root, 'figures/a.png'), await chartPng(300, 200));
    writeFileSync(join(root, 'figures/b.png'), await chartPng(300, 200));
    const figures = [
      saved('figures/a.png', { axes: [{ axes: 'x', title: 'brouillon', has_data: true }] }),
      saved('figures/b.png', { suptitle: 'B' }),
      saved('figures/a.png', { axes: [{ axes: 'x', title: 'Version finale', xlabel: 'Âge', has_data: true }] }),
    ];
    const images = await collectReportImages({ workspaceDir: root, figures, runDir, pages: [], maxFileBytes: MiB });
    expect(images.shown.map((image) => [image.source, image.title, image.xlabel])).toEqual([['figures/a.png', 'Version finale', 'Âge'], ['figures/b.png', 'B', null]]);
  });

  it('past 12 figures: one line naming the rest, not one per file', async () => {
    const { root, runDir } = workspace();
    const png = await chartPng(200, 150);
    const figures = Array.from({ length: 20 }, (_, i) => {
      writeFileSync(join(root, `figures/f${i}.png`), png);
      return saved(`figures/f${i}.png`);
    });
    const images = await collectReportImages({ workspaceDir: root, figures, runDir, pages: [], maxFileBytes: MiB });
    expect(images.shown).toHaveLength(12);
    expect(images.notShown).toEqual([{ kind: 'figure', source: 'figures/f12.png, figures/f13.png, figures/f14.png, figures/f15.png, figures/f16.png, …', why: { fr: '8 figures de plus que les 12 montrées', en: '8 figures past the 12 shown' } }]);
  });

  it('the audit’s screenshots are shown with the page’s URL and title', async () => {
    const { root, runDir } = workspace();
    mkdirSync(join(runDir, 'accessibility'));
    writeFileSync(join(runDir, 'accessibility/page-1.png'), await chartPng(1280, 800));
    const pages: PageAudit[] = [
      { url: 'http://10.0.0.2:8000/', title: 'Prédiction du prix', violations: [], blockedRequests: 0, blockedOrigins: [], screenshot: 'accessibility/page-1.png' },
      { url: 'http://10.0.0.2:8000/docs', violations: [], blockedRequests: 0, blockedOrigins: [] },
    ];
    const images = await collectReportImages({ workspaceDir: root, figures: [], runDir, pages, maxFileBytes: MiB });
    expect(images.shown.map((image) => [image.kind, image.source, image.title, image.width, image.height])).toEqual([['screenshot', 'http://10.0.0.2:8000/', 'Prédiction du prix', 720, 450]]);
    expect(images.notShown).toEqual([]);
  });
});
