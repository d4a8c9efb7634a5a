import type { Localized } from '../../../runner/i18n.js';
import type { Evidence } from '../../verdict.js';

/** Where a dashboard's analyses were found: each source has its own advice when they lack a description. */
export type AnalysisSource = 'notebook' | 'page' | 'file' | 'app-source';

/** One analysis, whatever its source, as the dashboard check counts and names it. */
export interface FoundAnalysis {
  source: AnalysisSource;
  /** How the message names it: `notebooks/x.ipynb#3`, `/#2 (img "Prix par quartier")`, `rapport.html#1 (svg)`. */
  name: string;
  charts: number;
  described: boolean;
  evidence: Evidence;
}

/** The words that place the analyses, per source, for the pass message. */
export const SOURCE_PLACES: Record<AnalysisSource, Localized> = {
  notebook: { fr: 'dans les notebooks exécutés', en: 'in the executed notebooks' },
  page: { fr: 'sur les pages servies', en: 'on the served pages' },
  file: { fr: 'dans les pages HTML du dépôt', en: 'in the repository’s HTML pages' },
  'app-source': { fr: 'dans le code de l’application (lu sans l’exécuter)', en: 'in the app’s source (read without running it)' },
};

/** What to do, per source, when analyses lack a description. */
export const SOURCE_ADVICE: Record<AnalysisSource, Localized> = {
  notebook: {
    fr: 'Placez à côté de chaque graphique une cellule Markdown avec un titre (# …) et une phrase qui dit ce qu’il montre.',
    en: 'Put next to each chart a Markdown cell with a title (# …) and a sentence saying what it shows.',
  },
  page: {
    fr: 'Donnez à chaque graphique de la page un titre (<h2>) juste avant lui et un paragraphe (<p> ou <figcaption>) qui dit ce qu’il montre.',
    en: 'Give each chart of the page a heading (<h2>) just before it and a paragraph (<p> or <figcaption>) saying what it shows.',
  },
  file: {
    fr: 'Donnez à chaque graphique du fichier HTML un titre (<h2>) juste avant lui et un paragraphe (<p> ou <figcaption>) qui dit ce qu’il montre.',
    en: 'Give each chart of the HTML file a heading (<h2>) just before it and a paragraph (<p> or <figcaption>) saying what it shows.',
  },
  'app-source': {
    fr: 'Faites précéder chaque graphique d’un titre (st.subheader, html.H2) et d’un texte (st.markdown, html.P) qui dit ce qu’il montre.',
    en: 'Put before each chart a title (st.subheader, html.H2) and a text (st.markdown, html.P) saying what it shows.',
  },
};
