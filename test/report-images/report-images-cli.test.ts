import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

/**
 * The real CLI on a real analysis repository (pandas, matplotlib, seaborn; `fig.savefig("figures/…")`), whose
 * script, once its own figures are saved, turns hostile: a saved figure replaced by a link to a host file, another
 * by a FIFO, a vector figure, and a PNG carrying its author's name in a text chunk.
 */
describe('the team’s saved figures in the report (real CLI, local sandbox)', () => {
  it('shows the PNGs the script saved, as re-encoded thumbnails; refuses the planted link and FIFO; names the vector file', () => {
    const repo = join(mkdtempSync(join(tmpdir(), 'mspr-figures-')), 'analyse-ventes');
    cpSync(fixture('data/analysis-complete'), repo, { recursive: true });
    appendFileSync(join(repo, 'analyse.py'), [
      '',
      'import os',
      'fig, ax = plt.subplots()',
      'ax.plot([1, 2, 3], [3, 1, 2])',
      'ax.set(title="Évolution du panier moyen", xlabel="Mois", ylabel="Panier (€)")',
      'fig.savefig("figures/panier.png", metadata={"Author": "Jean Dupont"})',
      'fig.savefig("figures/lien.png")',
      'os.remove("figures/lien.png")',
      'os.symlink("/etc/hostname", "figures/lien.png")',
      'fig.savefig("figures/tube.png")',
      'os.remove("figures/tube.png")',
      'os.mkfifo("figures/tube.png")',
      'fig.savefig("figures/panier.svg")',
      '',
    ].join('\n'));
    const run = runCli(['check', repo, '-s', 'cdp-data-ia-bloc2-analysis', '--sandbox', 'local', '--format', 'html,md', '--lang', 'fr']);
    expect(run.report, run.stderr).toBeDefined();
    const images = run.report!.images!;
    expect(images.shown.map((image) => [image.kind, image.source, image.title, image.xlabel, image.ylabel, image.type, `${image.location?.file}:${image.location?.line}`])).toEqual([
      ['figure', 'figures/nuage_quantite_prix.png', 'Prix unitaire selon la quantité achetée', 'Quantité (articles)', 'Prix unitaire (€)', 'image/png', 'analyse.py:37'],
      ['figure', 'figures/distribution_prix.png', 'Distribution des prix unitaires', 'Prix unitaire (€)', 'Nombre de ventes', 'image/png', 'analyse.py:42'],
      ['figure', 'figures/correlations.png', 'Corrélations entre variables quantitatives', null, null, 'image/png', 'analyse.py:48'],
      ['figure', 'figures/panier.png', 'Évolution du panier moyen', 'Mois', 'Panier (€)', 'image/png', 'analyse.py:54'],
    ]);
    expect(images.shown.map((image) => [image.originalWidth, image.originalHeight])).toEqual([[640, 480], [640, 480], [600, 500], [640, 480]]);
    const why = Object.fromEntries(images.notShown.map((item) => [item.source, item.why.fr]));
    expect(Object.keys(why)).toEqual(['figures/lien.png', 'figures/tube.png', 'figures/panier.svg']);
    expect(why['figures/lien.png']).toMatch(/^Fichier refusé : « figures\/lien\.png » est un lien symbolique/);
    expect(why['figures/tube.png']).toMatch(/^Fichier refusé : « figures\/tube\.png » est un tube nommé \(FIFO\)/);
    expect(why['figures/panier.svg']).toBe('figure vectorielle (SVG, PDF, EPS) : seules les images PNG et JPEG sont montrées');
    // Nothing of the team's file but its pixels: the author's name is in the PNG the script wrote, not in the report.
    const json = readFileSync(join(run.runDir!, 'report.json'), 'utf8');
    for (const image of images.shown) expect(Buffer.from(image.base64, 'base64').includes('Dupont')).toBe(false);
    expect(json).not.toContain(readFileSync('/etc/hostname', 'utf8').trim() + '\\n');
    const html = readFileSync(join(run.runDir!, 'report.html'), 'utf8');
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(4);
    expect(html).toContain('<figcaption>Figures enregistrées par le code de l’équipe</figcaption>');
    // The sketches drawn from the trace are left out for the figures shown as saved.
    expect(html).not.toContain('<figcaption>Figures tracées par le code de l’équipe</figcaption>');
    expect(readFileSync(join(run.runDir!, 'report.md'), 'utf8')).toContain('- figures/panier.svg — non montrée : figure vectorielle');
  }, 300_000);

  it('a repository shaped as teams submit it (no mspr.yaml, notebooks/ reading ../data, French README): the figure a notebook saved to ../figures', () => {
    const repo = join(mkdtempSync(join(tmpdir(), 'mspr-figures-')), 'prix-logements');
    cpSync(fixture('real/notebooks-numbered'), repo, { recursive: true });
    const notebook = join(repo, 'notebooks/01_exploration.ipynb');
    const cells = JSON.parse(readFileSync(notebook, 'utf8')) as { cells: unknown[] };
    cells.cells.push({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: [
      'import os\n', 'import matplotlib\n', 'matplotlib.use("Agg")\n', 'import matplotlib.pyplot as plt\n', 'import pandas as pd\n',
      'os.makedirs("../figures", exist_ok=True)\n', 'df = pd.read_csv("../data/logements.csv")\n', 'fig, ax = plt.subplots()\n',
      'ax.hist(df[df.columns[-1]], bins=20)\n', 'ax.set(title="Distribution des prix", xlabel="Prix (€)", ylabel="Logements")\n', 'fig.savefig("../figures/prix.png")\n',
    ] });
    writeFileSync(notebook, JSON.stringify(cells));
    const run = runCli(['check', repo, '-s', 'cdp-data-ia-bloc3-regression', '--sandbox', 'local', '--format', 'html', '--lang', 'fr']);
    expect(run.report, run.stderr).toBeDefined();
    expect(run.report!.images!.shown.map((image) => [image.source, image.title, image.xlabel, image.ylabel, image.location, image.width])).toEqual([
      ['figures/prix.png', 'Distribution des prix', 'Prix (€)', 'Logements', { file: 'notebooks/01_exploration.ipynb', cell: 5, line: 11 }, 640],
    ]);
    expect(run.report!.images!.notShown).toEqual([]);
    expect(readFileSync(join(run.runDir!, 'report.html'), 'utf8').match(/<img src="data:image\/png;base64,/g)).toHaveLength(1);
  }, 300_000);
});
