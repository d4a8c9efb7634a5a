import type { GitHistory, HistorySecret } from '../../runner/history/git-history.js';
import { MASK } from '../../runner/redaction/redactor.js';
import { looksBinary } from '../../runner/environment/looks-binary.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { isEnvFile, scanEnvFile, scanNotebook, scanText, type SecretFinding } from './secret-scan.js';

interface Options {
  /** Files larger than this are data or archives, not configuration or code: skipped and counted. */
  maxFileBytes: number;
}

/** Where findings are listed in the message; the evidence holds them all. */
const PLACES_IN_MESSAGE = 10;
/** Formats that are never text a team types a secret into: not even opened. */
const BINARY = /\.(?:png|jpe?g|gif|bmp|ico|webp|pdf|zip|gz|tgz|bz2|xz|7z|rar|pkl|pickle|joblib|h5|hdf5|keras|pt|pth|onnx|npy|npz|parquet|feather|xlsx?|docx?|pptx?|odt|ods|sqlite3?|db|mp[34]|wav|avi|mov|woff2?|ttf|otf|eot|so|dll|exe|whl|pyc)$/i;

export default defineCheck({
  meta: {
    id: 'repo/no-secrets',
    title: { fr: 'Aucun secret committé', en: 'No committed secret' },
    // The RGPD / data-security criteria of each framework (CRITERIA.md, "personal data protected").
    criteria: ['cdp-data-ia:C2.1', 'dev-ia-ds:A1.1 C2', 'cdp-ia-aivancity:C3.1', 'cdp-ia:A2C2', 'cerf-ia:C5'],
    evidence: ['artifact', 'git'],
    options: {
      properties: {
        maxFileBytes: { type: 'integer', minimum: 1024, default: 2 * 1024 * 1024, description: 'larger files are skipped (and counted)' },
      },
    },
    messages: {
      pass: {
        fr: "Aucun secret trouvé dans les {files} fichiers du dépôt (dont {notebooks} notebooks, sorties comprises). Pas d'historique git à relire (dossier sans .git) : seul l'état rendu l'est.",
        en: 'No secret found in the {files} files of the repository ({notebooks} notebooks, outputs included). No git history to read (a folder without .git): only the submitted tree is.',
      },
      passHistory: {
        fr: "Aucun secret trouvé dans les {files} fichiers du dépôt (dont {notebooks} notebooks, sorties comprises) ni dans les ajouts des {commits} commits de l'historique git.",
        en: 'No secret found in the {files} files of the repository ({notebooks} notebooks, outputs included) nor in what the {commits} commits of the git history added.',
      },
      foundInHistory: {
        fr: "{count} {count|secret dans l'historique git, retiré des fichiers|secrets dans l'historique git, retirés des fichiers} depuis : {places}. Attendu : aucun mot de passe, clé privée ni jeton d'API dans le dépôt, historique compris : quiconque clone le dépôt les lit encore. Révoquez-les, puis réécrivez l'historique (git filter-repo) ou repartez d'un dépôt propre.",
        en: '{count} {count|secret|secrets} in the git history, removed from the files since: {places}. Expected: no password, private key or API token in the repository, history included: anyone who clones it still reads them. Revoke them, then rewrite the history (git filter-repo) or start from a clean repository.',
      },
      noFiles: {
        fr: "Aucun fichier texte lisible dans le dépôt ({skipped} écartés) : rien à vérifier. Attendu : le code et la configuration de l'équipe, en texte.",
        en: "No readable text file in the repository ({skipped} set aside): nothing to check. Expected: the team's code and configuration, as text.",
      },
      found: {
        fr: "{count} {count|secret committé|secrets committés} : {places}. Attendu : aucun mot de passe, clé privée ni jeton d'API dans le dépôt. Révoquez-les (ils restent dans l'historique git), retirez-les, lisez-les depuis l'environnement et ne versionnez qu'un .env.example aux valeurs factices.",
        en: '{count} committed {count|secret|secrets}: {places}. Expected: no password, private key or API token in the repository. Revoke them (they stay in the git history), remove them, read them from the environment and commit only a .env.example with dummy values.',
      },
    },
  },
  run({ options, workspace, submission, committed }: CheckContext<Options>) {
    const findings: SecretFinding[] = [];
    let files = 0;
    let notebooks = 0;
    const skipped: string[] = [];
    // A file the runner rewrote (the run's .env) is judged as the team committed it; one it wrote is not theirs.
    const paths = [...new Set([...workspace.list(), ...(committed?.keys() ?? [])])].sort();
    for (const path of paths) {
      if (BINARY.test(path)) continue;
      const original = committed?.get(path);
      if (original === null) continue;
      let text: string;
      try {
        if (original !== undefined) text = original;
        else if ((workspace.statFile(path)?.size ?? 0) > options.maxFileBytes) {
          skipped.push(path);
          continue;
        } else text = workspace.readText(path, options.maxFileBytes);
      } catch {
        skipped.push(path); // refused by the safe reader (a link out, a special file): nothing read, said below
        continue;
      }
      if (looksBinary(text)) continue;
      files += 1;
      if (path.endsWith('.ipynb')) {
        notebooks += 1;
        findings.push(...scanNotebook(path, text));
      } else if (isEnvFile(path)) {
        const entries = scanEnvFile(path, text);
        // A .env line is reported once, as the entry it is, even when its value also has a known format.
        const lines = new Set(entries.map((entry) => entry.line));
        findings.push(...entries, ...scanText(path, text).filter((finding) => !lines.has(finding.line)));
      } else findings.push(...scanText(path, text));
    }

    const history = submission.history?.available ? submission.history : undefined;
    // A secret still in the tree is reported there; the history adds those removed since (same file, kind and name).
    const inTree = new Set(findings.map((f) => `${f.file}\0${f.kind}\0${f.name ?? ''}`));
    const removed = (history?.secrets ?? []).filter((s) => !inTree.has(`${s.path}\0${s.kind}\0${s.name ?? ''}`));
    const scanned: Evidence = {
      kind: 'artifact',
      subject: 'working tree',
      // What was compared: the secrets found against none allowed.
      actual: findings.length,
      expected: 0,
      data: { files, notebooks, skipped: skipped.length, ...(skipped.length > 0 ? { skippedFiles: skipped.slice(0, 20) } : {}), history: history ? 'scanned' : 'not scanned' },
      ...(history
        ? {}
        : {
            note: {
              fr: "Pas d'historique git (un dossier sans .git) : un secret retiré dans un commit récent mais présent dans l'historique n'est pas vu ici.",
              en: 'No git history (a folder without .git): a secret removed in a recent commit but still in the history is not seen here.',
            },
          }),
    };
    const historyEvidence = history ? [historyScanned(history, removed.length)] : [];
    // A check that compared nothing never passes (test/checks/statuses): an empty tree is the files check's to fail.
    if (files === 0 && removed.length === 0) return { status: 'skip', message: 'noFiles', params: { skipped: skipped.length }, evidence: [scanned, ...historyEvidence] };
    if (findings.length === 0 && removed.length === 0) {
      return history
        ? { status: 'pass', message: 'passHistory', params: { files, notebooks, commits: history.secretScan.commits }, evidence: [scanned, ...historyEvidence] }
        : { status: 'pass', message: 'pass', params: { files, notebooks }, evidence: [scanned] };
    }

    const evidence = [...findings.map((finding) => findingEvidence(finding)), ...removed.map(historyFindingEvidence)];
    const places = unique(evidence.map((item) => item.subject));
    const shown = places.slice(0, PLACES_IN_MESSAGE).join(', ') + (places.length > PLACES_IN_MESSAGE ? ', …' : '');
    const count = findings.length + removed.length;
    return { status: 'fail', message: findings.length > 0 ? 'found' : 'foundInHistory', params: { count, places: shown }, evidence: [...evidence, scanned, ...historyEvidence] };
  },
});

/** What the history scan read: the commits whose additions were scanned, and whether a cap stopped it. */
function historyScanned(history: Extract<GitHistory, { available: true }>, removed: number): Evidence {
  return { kind: 'git', subject: 'git history', actual: removed, expected: 0, data: { commit: history.commit, commits: history.secretScan.commits, capped: history.secretScan.capped, found: history.secrets.length } };
}

/** `.env@3f2a9c1d0b7e:2`: the commit that added it, the path and line in that commit, the value masked. */
function historyFindingEvidence(secret: HistorySecret): Evidence {
  return {
    kind: 'git',
    subject: `${secret.path}@${secret.commit.slice(0, 12)}:${secret.line}`,
    location: { file: secret.path, line: secret.line },
    actual: MASK,
    data: { commit: secret.commit, kind: secret.kind, ...(secret.name ? { name: secret.name } : {}), removed: true },
  };
}

/** `config/.env:3`, `notebooks/a.ipynb:cell 4:output 2`: where, the kind, the value masked. */
function findingEvidence(finding: SecretFinding): Evidence {
  const place = finding.cell ? `${finding.file}:cell ${finding.cell}:${finding.in} ${finding.line}` : `${finding.file}:${finding.line}`;
  return {
    kind: 'artifact',
    subject: place,
    location: { file: finding.file, line: finding.line, ...(finding.cell ? { cell: finding.cell } : {}) },
    actual: MASK,
    data: { kind: finding.kind, ...(finding.name ? { name: finding.name } : {}), ...(finding.in ? { in: finding.in } : {}) },
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
