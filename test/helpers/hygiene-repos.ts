import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatedCommit, gitTeamRepo } from './git-team-repo.js';

// Made-up people and secrets: the NIRs pass their key and were built for these tests; nobody's real numbers.
export const DB_PASSWORD = 'Ventes-Lyon-2026!';
export const PEOPLE = [
  { email: 'jeanne.dupont@ecole.fr', nir: '185077512345608' },
  { email: 'elodie.lefevre@free.fr', nir: '2 90 05 2A 123 456 29' },
  { email: 'karim.benali@orange.fr', nir: '185077512345608' },
];
export const MEMBERS = {
  elodie: { name: 'Élodie Lefèvre', email: 'elodie.lefevre@ecole.fr' },
  karim: { name: 'Karim Benali', email: 'karim.benali@ecole.fr' },
  sophie: { name: 'Sophie Nguyen', email: 'sophie.nguyen@ecole.fr' },
};

const README = '# MSPR — Clients de la boutique\n\nInstaller : `pip install -r requirements.txt`\n\nLancer : `python src/pipeline.py`\n\nCopier `.env.example` en `.env` pour la base PostgreSQL de production.\n';
const MANIFEST = "run:\n  - src/pipeline.py\ndatabases:\n  db: data/entrepot.db\nteam:\n  - Élodie Lefèvre\n  - Karim Benali\n  - sophie.nguyen@ecole.fr\n";
/** Reads the `;`-separated Latin-1 export and loads it into the SQLite warehouse, as teams do. */
const PIPELINE = `import sqlite3
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
clients = pd.read_csv(ROOT / "data" / "clients.csv", sep=";", encoding="latin-1")
print(f"{len(clients)} clients lus")
with sqlite3.connect(ROOT / "data" / "entrepot.db") as con:
    clients.to_sql("clients", con, if_exists="replace", index=False)
print("Chargement terminé")
`;

const latin1 = (text: string) => Buffer.from(text, 'latin1');
/** The export with e-mails and NIRs in clear. */
export const CLEAR_CSV = latin1(['id;nom;prénom;email;nir;ville', ...PEOPLE.map((p, i) => `${i + 1};Nom${i};Prénom${i};${p.email};${p.nir};Besançon`), ''].join('\r\n'));
/** The same export pseudonymised: SHA-256 digests and masked NIRs. */
export const PSEUDO_CSV = latin1(
  ['id;email_sha256;nir_masque;ville', '1;9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08;1**************;Besançon', '2;60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbf9f4c7ca6a1d2;2**************;Ajaccio', ''].join('\r\n'),
);

const base = (csv: Buffer) => ({ 'README.md': README, 'mspr.yaml': MANIFEST, 'requirements.txt': 'pandas\n', 'src/pipeline.py': PIPELINE, 'data/clients.csv': csv, '.env.example': 'DB_HOST=localhost\nDB_PASSWORD=changeme\n' });

/** Three members over four days: the history a team should have. */
function balanced(csv: Buffer, extra: DatedCommit[] = []): DatedCommit[] {
  return [
    { date: '2026-11-23T09:30:00+01:00', message: 'Squelette du projet', author: MEMBERS.elodie, files: base(csv) },
    { date: '2026-11-24T14:10:00+01:00', message: 'Lecture de l’export clients', author: MEMBERS.karim, files: { 'src/pipeline.py': `${PIPELINE}\n` } },
    { date: '2026-11-26T16:45:00+01:00', message: 'README : lancement', author: MEMBERS.sophie, files: { 'README.md': `${README}\nÉquipe : Élodie, Karim, Sophie.\n` } },
    ...extra,
    { date: '2026-11-27T11:00:00+01:00', message: 'Relecture', author: { name: 'LEFEVRE Elodie', email: 'e.lefevre@gmail.com' }, files: { 'docs/notes.md': '# Notes\n' } },
  ];
}

export interface HygieneRepo {
  dir: string;
  shas: string[];
}

function make(name: string, commits: DatedCommit[]): HygieneRepo {
  const dir = join(mkdtempSync(join(tmpdir(), 'mspr-hygiene-')), name);
  return { dir, shas: gitTeamRepo(dir, commits) };
}

/** A `.env` with the production password committed by a member and still there. */
export const leakedEnv = () => make('equipe-env', balanced(PSEUDO_CSV, [{ date: '2026-11-25T10:00:00+01:00', message: 'Connexion à la base', author: MEMBERS.karim, files: { '.env': `DB_HOST=db.boutique.fr\nDB_PASSWORD=${DB_PASSWORD}\n` } }]));

/** The same `.env` committed, then removed (and ignored) a day later: still in the history. */
export const removedEnv = () =>
  make('equipe-env-retire', balanced(PSEUDO_CSV, [
    { date: '2026-11-25T10:00:00+01:00', message: 'Connexion à la base', author: MEMBERS.karim, files: { '.env': `DB_HOST=db.boutique.fr\nDB_PASSWORD=${DB_PASSWORD}\n` } },
    { date: '2026-11-26T09:00:00+01:00', message: 'Retire le .env', author: MEMBERS.karim, remove: ['.env'], files: { '.gitignore': '.env\n' } },
  ]));

/** E-mails and NIRs in clear, and one member who did every commit, over three days. */
export const clearDataOneAuthor = () =>
  make('equipe-solo', [
    { date: '2026-11-23T09:30:00+01:00', message: 'Squelette', author: MEMBERS.karim, files: base(CLEAR_CSV) },
    { date: '2026-11-25T18:00:00+01:00', message: 'Chargement', author: MEMBERS.karim, files: { 'src/pipeline.py': `${PIPELINE}\n` } },
    { date: '2026-11-27T21:00:00+01:00', message: 'README', author: MEMBERS.karim, files: { 'README.md': `${README}\n` } },
  ]);

/** A balanced history, then two commits after the 2026-11-28 deadline. */
export const lateCommits = () =>
  make('equipe-retard', [
    ...balanced(PSEUDO_CSV),
    { date: '2026-11-29T10:00:00+01:00', message: 'Correctif après la date', author: MEMBERS.sophie, files: { 'docs/notes.md': '# Notes (v2)\n' } },
    { date: '2026-11-30T10:00:00+01:00', message: 'Encore un correctif', author: MEMBERS.sophie, files: { 'docs/notes.md': '# Notes (v3)\n' } },
  ]);

/** The scenario of the three hygiene checks, over the team's pipeline and its SQLite warehouse. */
export const HYGIENE_SCENARIO = `id: hygiene-only
title: { fr: "Hygiène du dépôt", en: "Repository hygiene" }
framework: cdp-data-ia
bloc: 2
sandbox: { backend: local, timeoutSec: 120 }
services:
  - id: db
    kind: sqlite
steps:
  - id: pipeline
    candidate: true
checks:
  - use: repo/no-secrets
  - use: repo/personal-data
  - use: git/team-history
    required: false
`;
