import { describe, expect, it } from 'vitest';
import { appSourceAnalyses, dashboardFramework } from '../../runner/dashboard/app-source-analyses.js';
import { htmlAnalyses } from '../../runner/dashboard/html-analyses.js';

/** The page readers on pages shaped like the ones teams write by hand (cards, figures, base64 images, scripts). */
const PNG = 'data:image/png;base64,' + 'iVBORw0KGgo'.repeat(2000);
const SVG = '<svg width="400" height="300"><g id="figure_1"><rect/><path d="M0 0"/><path d="M1 1"/><text>prix</text></g></svg>';

describe('htmlAnalyses', () => {
  it('pairs each chart with its <h2> and its paragraph or caption, in reading order', () => {
    const html = `<!doctype html><html lang="fr"><body>
      <header><img src="/static/logo.png" alt="Logo de l'équipe"></header>
      <h1>Tableau de bord des ventes</h1>
      <section class="carte"><h2>Prix moyen par quartier</h2>
        <p>Le centre est le quartier le plus cher, deux fois plus que le sud.</p>
        <img src="${PNG}" alt="Prix par quartier"></section>
      <section><h2>Surface et prix</h2>${SVG}<p>Le prix croît avec la surface, presque linéairement.</p></section>
      <figure><h2>Évolution mensuelle</h2><img src="/static/graphiques/evolution.png"><figcaption>Les ventes montent chaque printemps depuis trois ans.</figcaption></figure>
      <svg width="16" height="16"><path d="M0"/></svg>
    </body></html>`;
    const { analyses, scriptRendered } = htmlAnalyses(html);
    expect(scriptRendered).toBe(false);
    expect(analyses.map((a) => [a.kind, a.heading, a.described])).toEqual([
      ['img', 'Prix moyen par quartier', true],
      ['svg', 'Surface et prix', true],
      ['img', 'Évolution mensuelle', true],
    ]);
    expect(analyses[0]).toMatchObject({ index: 1, line: 6, label: 'Prix par quartier', detail: 'data:image/png', description: 'Le centre est le quartier le plus cher, deux fois plus que le sud.' });
    expect(analyses[2]!.description).toBe('Les ventes montent chaque printemps depuis trois ans.');
  });

  it('leaves charts under no heading of their own, or with a heading and no prose, undescribed', () => {
    const html = `<h1>Tableau de bord</h1><p>Voici les graphiques de notre analyse des logements.</p>
      <img src="${PNG}" alt="Histogramme des prix"><img src="/static/fig_surface.png"><h2>Répartition</h2><canvas id="c"></canvas>`;
    const { analyses } = htmlAnalyses(html);
    expect(analyses.map((a) => [a.kind, a.heading ?? null, a.label ?? null, a.described])).toEqual([
      ['img', 'Tableau de bord', 'Histogramme des prix', true],
      ['img', null, 'fig_surface.png', false],
      ['canvas', 'Répartition', 'c', false],
    ]);
  });

  it('finds Plotly, Vega, Chart.js and Bokeh containers and tables of figures; not layout tables nor icons', () => {
    const html = `<h2>Ventes</h2><div id="ventes" class="plotly-graph-div"></div><script>Plotly.newPlot("ventes", [])</script>
      <h2>Carte</h2><div id="vis"></div><script>vegaEmbed('#vis', spec)</script>
      <h2>Courbe</h2><canvas id="courbe"></canvas><script>new Chart(document.getElementById('courbe'), {})</script>
      <div class="bk-root" data-root-id="p1"></div>
      <table><caption>Indicateurs</caption><tr><th>Région</th><th>CA</th></tr><tr><td>Nord</td><td>12 500 €</td></tr><tr><td>Sud</td><td>8 000 €</td></tr></table>
      <table><tr><td>Menu</td><td>Contact</td></tr><tr><td>Accueil</td><td>Aide</td></tr></table>`;
    expect(htmlAnalyses(html).analyses.map((a) => [a.kind, a.heading ?? null])).toEqual([
      ['plotly', 'Ventes'],
      ['vega', 'Carte'],
      ['chartjs', 'Courbe'],
      ['bokeh', null],
      ['table', 'Indicateurs'],
    ]);
  });

  it('says when a page is a shell drawn by scripts (Streamlit, Dash)', () => {
    expect(htmlAnalyses('<html><head><title>Streamlit</title></head><body><div id="root"></div><script src="/static/js/main.js"></script></body></html>').scriptRendered).toBe(true);
    expect(htmlAnalyses('<body><div id="react-entry-point"><div class="_dash-loading">Loading...</div></div><footer><script id="_dash-config" type="application/json">{}</script></footer></body>').scriptRendered).toBe(true);
  });
});

describe('appSourceAnalyses', () => {
  it('reads a Streamlit app in source order: titles, texts and chart calls', () => {
    const source = `import streamlit as st\nimport plotly.express as px\n\nst.title("Tableau de bord")\nst.subheader("Prix par quartier")\nst.markdown("Le centre est le quartier le plus cher de la ville.")\nst.plotly_chart(px.bar(df, x="quartier", y="prix"))\nst.header("Surfaces")\nst.bar_chart(df["surface"])\n`;
    expect(dashboardFramework(source)).toBe('streamlit');
    expect(appSourceAnalyses(source).map((a) => [a.detail, a.line, a.heading ?? null, a.described])).toEqual([
      ['st.plotly_chart', 7, 'Prix par quartier', true],
      ['st.bar_chart', 9, 'Surfaces', false],
    ]);
  });

  it('reads a Dash layout: html.H2, html.P and dcc.Graph', () => {
    const source = `from dash import Dash, dcc, html\napp = Dash(__name__)\napp.layout = html.Div([\n    html.H2("Ventes par région"),\n    html.P(\n        "Le Nord réalise la moitié du chiffre d'affaires."\n    ),\n    dcc.Graph(figure=fig1),\n    dcc.Graph(figure=fig2),\n])\n`;
    expect(dashboardFramework(source)).toBe('dash');
    expect(appSourceAnalyses(source).map((a) => [a.detail, a.heading ?? null, a.described])).toEqual([
      ['dcc.Graph', 'Ventes par région', true],
      ['dcc.Graph', null, false],
    ]);
  });
});
