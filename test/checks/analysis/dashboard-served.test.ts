import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import check from '../../../checks/analysis/dashboard.js';
import { testCheck } from '../../../checks/tester.js';
import { htmlAnalyses } from '../../../runner/dashboard/html-analyses.js';
import { workspaceFiles } from '../../../runner/evidence/workspace-files.js';
import type { DashboardPage } from '../../../runner/serve/http-evidence.js';
import { notServed, served } from '../http/http-builder.js';

/**
 * The served and static parts of analysis/dashboard: pages read by the real reader (runner/dashboard), `http`
 * evidence shaped as the serve stage writes it (the stage itself runs end to end in test/serve/serve-cli.test.ts),
 * committed HTML pages in a real folder read through the workspace's safe reader.
 */
const PNG = 'data:image/png;base64,' + 'iVBORw0KGgo'.repeat(500);
const section = (title: string, text: string, chart = `<img src="${PNG}" alt="${title}">`) => `<section><h2>${title}</h2><p>${text}</p>${chart}</section>`;
const DESCRIBED = `<h1>Ventes 2023</h1>${section('Ventes par région', 'Le Nord réalise la moitié du chiffre.')}${section('Ventes par mois', 'Les ventes culminent en juin et en décembre.')}${section('Paniers', 'La plupart des paniers font entre 20 et 60 euros.', '<svg width="400"><rect/><rect/><rect/><rect/></svg>')}`;
const BARE = `<h1>Ventes 2023</h1><img src="${PNG}" alt="Ventes par région"><h2>Ventes par mois</h2><img src="/static/fig_mois.png">`;

function page(path: string, html: string): DashboardPage {
  return { url: `http://127.0.0.1:8000${path}`, path, bytes: html.length, truncated: false, ...htmlAnalyses(html) };
}

function repo(files: Record<string, string>, links: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'mspr-dashboard-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, 'latin1');
  }
  for (const [path, target] of Object.entries(links)) symlinkSync(target, join(root, path));
  return workspaceFiles(root);
}

const OUTSIDE = join(mkdtempSync(join(tmpdir(), 'mspr-dashboard-out-')), 'tableau.html');
writeFileSync(OUTSIDE, DESCRIBED);

const flask = (pages: DashboardPage[]) => served({ framework: 'flask', entry: 'app.py', dashboardPages: pages, htmlPages: pages.map((p) => p.url) }).http;
const STREAMLIT = `import streamlit as st\nst.title("Tableau de bord")\nfor titre, fig in []:\n    pass\nst.subheader("Prix par quartier")\nst.markdown("Le centre est le quartier le plus cher de la ville.")\nst.plotly_chart(fig1)\nst.subheader("Surfaces")\nst.markdown("La moitié des logements font moins de 60 m².")\nst.pyplot(fig2)\nst.header("Prix et surface")\nst.caption("Le prix suit la surface de près, sauf au centre.")\nst.altair_chart(fig3)\n`;

testCheck(check, {
  valid: [
    {
      name: 'a Flask page with three charts, each under an <h2> with a paragraph',
      evidence: { http: flask([page('/', DESCRIBED), page('/a-propos', '<h1>À propos</h1><p>Données de ventes de 2023.</p>')]), workspace: repo({ 'app.py': 'from flask import Flask\n' }) },
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['3 of 3 analyses described on the served pages (3 charts): /#1 (img "Ventes par région"), /#2 (img "Ventes par mois"), /#3 (svg "Paniers").'],
        evidence: [{ kind: 'http', subject: '/#3 (svg "Paniers")', actual: 'described' }],
      },
    },
    {
      name: 'a committed dashboard/index.html (no app, no trace), its templates left out',
      evidence: { workspace: repo({ 'dashboard/index.html': DESCRIBED, 'templates/base.html': BARE }) },
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['3 of 3 analyses described in the repository’s HTML pages (3 charts): dashboard/index.html#1 (img "Ventes par région")'],
        evidence: [{ kind: 'artifact', subject: 'dashboard/index.html#1 (img "Ventes par région")', location: { file: 'dashboard/index.html', line: 1 } }],
      },
    },
    {
      name: 'a Streamlit app: its page is a script-drawn shell, its source is counted',
      evidence: {
        http: served({ framework: 'streamlit', entry: 'app.py', dashboardPages: [page('/', '<html><body><div id="root"></div><script src="/static/js/main.js"></script></body></html>')] }).http,
        workspace: repo({ 'app.py': STREAMLIT }),
      },
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['3 of 3 analyses described in the app’s source (read without running it) (3 charts): app.py:7 (st.plotly_chart "Prix par quartier"), app.py:10 (st.pyplot "Surfaces"), app.py:13 (st.altair_chart "Prix et surface").'],
        evidence: [{ kind: 'static', subject: 'app.py:7 (st.plotly_chart "Prix par quartier")', location: { file: 'app.py', line: 7 } }, { kind: 'http', subject: '/', actual: 'drawn by scripts' }],
      },
    },
  ],
  invalid: [
    {
      name: 'a served page whose charts lack a heading or a paragraph',
      evidence: { http: flask([page('/', BARE)]), workspace: repo({ 'app.py': 'from flask import Flask\n' }) },
      expect: {
        status: 'fail',
        message: 'tooFew',
        includes: ['0 of 2 analyses described (2 charts); expected: at least 3. Give each chart of the page a heading (<h2>) just before it', 'Not described: /#1 (img "Ventes 2023"), /#2 (img "Ventes par mois").'],
        evidence: [{ kind: 'http', subject: '/#2 (img "Ventes par mois")', actual: 'not described' }],
      },
    },
    {
      name: 'the app did not start and nothing else draws a chart',
      evidence: { ...notServed.crashed, workspace: repo({ 'README.md': '# Projet\n' }) },
      expect: { status: 'fail', message: 'none', evidence: [{ kind: 'http', subject: 'app', actual: 'failed' }] },
    },
    {
      // The workspace's reader reads a link that stays inside the repository like its target; one that leaves it is never listed.
      name: 'a committed page that links out of the repository is not read (its target is a described dashboard)',
      evidence: { workspace: repo({}, { 'rapport.html': OUTSIDE }) },
      expect: { status: 'fail', message: 'noTrace' },
    },
    {
      name: 'the HTML export of an executed notebook is not counted again; a bare page is',
      evidence: {
        steps: [{ id: 'analyse', kind: 'notebook', entry: 'notebooks/analyse.ipynb', optional: false, status: 'ok' }],
        workspace: repo({ 'notebooks/analyse.ipynb': '{"cells": []}', 'export/analyse.html': DESCRIBED, 'tableau.html': BARE }),
      },
      expect: { status: 'fail', message: 'tooFew', includes: ['0 of 2 analyses described (2 charts)', 'Not described: tableau.html#1 (img "Ventes 2023"), tableau.html#2 (img "Ventes par mois").'] },
    },
    {
      name: 'a committed page past 2 MiB is not read',
      evidence: { workspace: repo({ 'rapport.html': DESCRIBED + '<p>' + 'x'.repeat(2 * 1024 * 1024) + '</p>' }) },
      expect: { status: 'fail', message: 'none', evidence: [{ kind: 'artifact', subject: 'rapport.html', expected: '<= 2097152 bytes' }] },
    },
  ],
});
