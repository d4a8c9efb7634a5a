import { describe, expect, it } from 'vitest';
import check from '../../../checks/repo/no-secrets.js';
import { evaluateCheck, testCheck } from '../../../checks/tester.js';
import type { GitHistory, HistorySecret } from '../../../runner/history/git-history.js';
import type { SubmissionInfo } from '../../../runner/submission/submission-info.js';
import { tempRepo } from '../../helpers/temp-repo.js';

const SHA = '3f2a9c1d0b7e4a5f6b8c9d0e1f2a3b4c5d6e7f80';
/** What runner/history read: three commits, and the secrets their diffs added. */
function withHistory(secrets: HistorySecret[]): SubmissionInfo {
  const history: GitHistory = { available: true, commit: SHA, commits: [], total: 3, capped: false, afterDeadline: [], afterDeadlineTotal: 0, secrets, secretScan: { commits: 3, capped: false } };
  return { source: 'git@forge.ecole.fr:mspr/equipe-3.git', kind: 'git', refused: [], fileCount: 3, totalBytes: 100, history };
}

// Made-up secrets of each format (none was ever issued); the last test asserts none reaches the verdict.
const DB_PASSWORD = 'Mspr2024!Lyon';
const AWS_KEY_ID = 'AKIAZ7Q4XK2M9TPL3WRB';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8h3kT9vW';
const URL_PASSWORD = 'S3cr3t-Lyon';
const GITHUB = `ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'}`;
const OPENAI = 'sk-proj-Tq8Lw2Zr5Vn7Kp1Xs4Hb6Jd9Fm3Gc0Yt';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtc3ByIn0.c2lnbmF0dXJlLW1zcHI';
const GITLAB = 'glpat-Zx8Cv7Bn6Mq5Wr4Et3Yu';
const SLACK = 'xoxb-2048-4096-Ab12Cd34Ef56';
const PRIVATE_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n';
const SECRETS = [DB_PASSWORD, AWS_KEY_ID, AWS_SECRET, URL_PASSWORD, GITHUB, OPENAI, JWT, GITLAB, SLACK, 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE'];

const readme = '# Projet MSPR\n\nCopier `.env.example` en `.env` et remplir les valeurs.\nLancer : `python -m src.pipeline`\n';
const config = 'import os\n\nDB_URL = os.environ["DATABASE_URL"]\npassword = os.environ.get("DB_PASSWORD")\n';
const envExample = [
  '# Copier en .env',
  'DB_HOST=localhost',
  'DB_PASSWORD=changeme',
  'API_KEY=your_api_key',
  'SECRET_KEY=',
  'OPENAI_API_KEY=sk-xxxxxxxx',
  'AUTH_TOKEN=xxx',
  'DATABASE_URL=postgresql://mspr:<mot_de_passe>@localhost:5432/ventes',
  `GITHUB_TOKEN=ghp_${'x'.repeat(36)}`,
  'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX',
  'AWS_KEY_FROM_THE_DOCS=AKIAIOSFODNN7EXAMPLE',
  '',
].join('\n');

/** An nbformat 4 notebook whose cells are code with the given source and outputs. */
function notebook(cells: Array<{ source: string; outputs?: unknown[] }>): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((cell) => ({ cell_type: 'code', metadata: {}, execution_count: 1, source: cell.source.split(/(?<=\n)/), outputs: cell.outputs ?? [] })),
  });
}

const stream = (text: string) => ({ output_type: 'stream', name: 'stdout', text: text.split(/(?<=\n)/) });
// 40 characters of mixed case and digits, as base64 images are full of: not an AWS secret.
const png = { output_type: 'display_data', metadata: {}, data: { 'image/png': `iVBORw0KGgo${'Ab3Xy9Kq7Wm2Zr5Tn8Lp4Vd6Hs1Gc0Fj'.repeat(20)}`, 'text/plain': '<Figure size 640x480 with 1 Axes>' } };

const failingRepos = {
  env: () => tempRepo({ 'README.md': readme, 'config/.env': `DB_HOST=localhost\nDB_PASSWORD=${DB_PASSWORD}\nDB_NAME=ventes\n`, '.env.example': envExample }),
  aws: () => tempRepo({ 'README.md': readme, 'src/upload.py': `import boto3\n\nAWS_ACCESS_KEY_ID = "${AWS_KEY_ID}"\naws_secret_access_key = "${AWS_SECRET}"\n` }),
  key: () => tempRepo({ 'README.md': readme, 'deploy/id_ed25519': PRIVATE_KEY }),
  notebook: () =>
    tempRepo({
      'notebooks/01_chargement.ipynb': notebook([
        { source: 'import pandas as pd\n' },
        { source: 'url = os.environ["DATABASE_URL"]\nprint("Connexion :", url)\n', outputs: [stream(`Connexion : postgresql://mspr:${URL_PASSWORD}@db:5432/ventes\n`)] },
      ]),
    }),
  tokens: () => tempRepo({ 'scripts/deploy.sh': `#!/bin/sh\nexport GH_TOKEN=${GITHUB}\ncurl -H "Authorization: Bearer ${JWT}" https://api.example.org\n`, 'src/llm.py': `client = OpenAI(api_key="${OPENAI}")\n`, 'ci/notify.txt': `${GITLAB}\n${SLACK}\n` }),
};

testCheck(check, {
  valid: [
    {
      name: 'no .env, secrets read from the environment, a placeholder in the README',
      evidence: () => ({ workspace: tempRepo({ 'README.md': `${readme}\nExemple : postgresql://user:password@localhost/ventes\n`, 'src/config.py': config, 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'pass', message: 'pass', includes: ['the 3 files'], evidence: [{ subject: 'working tree', data: { files: 3, notebooks: 0, skipped: 0, history: 'not scanned' } }] },
    },
    {
      name: 'a .env.example with placeholders only',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, '.env.example': envExample, 'src/config.py': config }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'working tree', data: { files: 3, notebooks: 0, skipped: 0, history: 'not scanned' } }] },
    },
    {
      name: 'a committed .env whose secret entries are placeholders (host and port are not secrets)',
      evidence: () => ({ workspace: tempRepo({ 'api/.env': 'POSTGRES_HOST=db\nPOSTGRES_PORT=5432\nPOSTGRES_PASSWORD=changeme\nJWT_SECRET=<à définir>\n' }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'working tree', data: { files: 1, notebooks: 0, skipped: 0, history: 'not scanned' } }] },
    },
    {
      name: 'a clean tree and a clean history',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'src/config.py': config }), submission: withHistory([]) }),
      expect: { status: 'pass', message: 'passHistory', includes: ['nor in what the 3 commits of the git history added'], evidence: [{ subject: 'working tree', data: { files: 2, notebooks: 0, skipped: 0, history: 'scanned' } }, { subject: 'git history', actual: 0, expected: 0 }] },
    },
    {
      name: 'a notebook with a chart (base64 image) and printed results',
      evidence: () => ({ workspace: tempRepo({ 'notebooks/eda.ipynb': notebook([{ source: 'df.plot()\n', outputs: [png, stream('RMSE : 12.4\n')] }]) }) }),
      expect: { status: 'pass', message: 'pass', includes: ['1 notebooks'], evidence: [{ subject: 'working tree', data: { files: 1, notebooks: 1, skipped: 0, history: 'not scanned' } }] },
    },
  ],
  invalid: [
    {
      name: 'a .env password committed then removed: found in the history, at the commit that added it',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, '.gitignore': '.env\n' }), submission: withHistory([{ commit: SHA, path: '.env', line: 2, kind: '.env value', name: 'DB_PASSWORD' }]) }),
      expect: {
        status: 'fail',
        message: 'foundInHistory',
        includes: ['1 secret in the git history, removed from the files since: .env@3f2a9c1d0b7e:2.'],
        evidence: [
          { kind: 'git', subject: '.env@3f2a9c1d0b7e:2', location: { file: '.env', line: 2 }, actual: '***', data: { commit: SHA, kind: '.env value', name: 'DB_PASSWORD', removed: true } },
          { kind: 'git', subject: 'git history', actual: 1, expected: 0 },
        ],
      },
    },
    {
      name: 'a .env still in the tree is reported once, from the tree, not again from the history',
      evidence: () => ({ workspace: failingRepos.env(), submission: withHistory([{ commit: SHA, path: 'config/.env', line: 2, kind: '.env value', name: 'DB_PASSWORD' }]) }),
      expect: { status: 'fail', message: 'found', includes: ['1 committed secret: config/.env:2.'], evidence: [{ subject: 'git history', actual: 0, data: { commit: SHA, commits: 3, capped: false, found: 1 } }] },
    },
    {
      name: 'a committed .env with a real password (its .env.example is fine)',
      evidence: () => ({ workspace: failingRepos.env() }),
      expect: {
        status: 'fail',
        message: 'found',
        includes: ['1 committed secret: config/.env:2.'],
        evidence: [{ subject: 'config/.env:2', location: { file: 'config/.env', line: 2 }, actual: '***', data: { kind: '.env value', name: 'DB_PASSWORD' } }],
      },
    },
    {
      name: 'nothing to read (an image only): skip, never a pass',
      evidence: () => ({ workspace: tempRepo({ 'figures/plot.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }) }),
      expect: { status: 'skip', message: 'noFiles', evidence: [{ subject: 'working tree', data: { files: 0, notebooks: 0, skipped: 0, history: 'not scanned' } }] },
    },
    {
      name: 'a weak real password in a .env.example is still a committed password',
      evidence: () => ({ workspace: tempRepo({ '.env.example': 'POSTGRES_USER=admin\nPOSTGRES_PASSWORD=root\n' }) }),
      expect: {
        status: 'fail',
        message: 'found',
        includes: ['1 committed secret: .env.example:2.'],
        evidence: [{ subject: '.env.example:2', location: { file: '.env.example', line: 2 }, actual: '***', data: { kind: '.env value', name: 'POSTGRES_PASSWORD' } }],
      },
    },
    {
      name: 'an AWS key pair in a Python file',
      evidence: () => ({ workspace: failingRepos.aws() }),
      expect: {
        status: 'fail',
        message: 'found',
        includes: ['2 committed secrets: src/upload.py:3, src/upload.py:4.'],
        evidence: [
          { subject: 'src/upload.py:3', location: { file: 'src/upload.py', line: 3 }, actual: '***', data: { kind: 'AWS access key id' } },
          { subject: 'src/upload.py:4', location: { file: 'src/upload.py', line: 4 }, actual: '***', data: { kind: 'AWS secret access key' } },
        ],
      },
    },
    {
      name: 'a private key committed',
      evidence: () => ({ workspace: failingRepos.key() }),
      expect: {
        status: 'fail',
        message: 'found',
        includes: ['1 committed secret: deploy/id_ed25519:1.'],
        evidence: [{ subject: 'deploy/id_ed25519:1', location: { file: 'deploy/id_ed25519', line: 1 }, actual: '***', data: { kind: 'private key block' } }],
      },
    },
    {
      name: 'a password in a connection URL printed in a notebook output',
      evidence: () => ({ workspace: failingRepos.notebook() }),
      expect: {
        status: 'fail',
        message: 'found',
        includes: ['1 committed secret: notebooks/01_chargement.ipynb:cell 2:output 1.'],
        evidence: [
          {
            subject: 'notebooks/01_chargement.ipynb:cell 2:output 1',
            location: { file: 'notebooks/01_chargement.ipynb', line: 1, cell: 2 },
            actual: '***',
            data: { kind: 'password in a URL', in: 'output' },
          },
        ],
      },
    },
    {
      name: 'GitHub, JWT, OpenAI-style, GitLab and Slack tokens',
      evidence: () => ({ workspace: failingRepos.tokens() }),
      expect: {
        status: 'fail',
        message: 'found',
        includes: ['5 committed secrets: ci/notify.txt:1, ci/notify.txt:2, scripts/deploy.sh:2, scripts/deploy.sh:3, src/llm.py:1.'],
        evidence: [
          { subject: 'scripts/deploy.sh:2', actual: '***', data: { kind: 'GitHub token' } },
          { subject: 'scripts/deploy.sh:3', actual: '***', data: { kind: 'JWT' } },
          { subject: 'src/llm.py:1', actual: '***', data: { kind: 'OpenAI-style API key' } },
          { subject: 'ci/notify.txt:1', actual: '***', data: { kind: 'GitLab token' } },
          { subject: 'ci/notify.txt:2', actual: '***', data: { kind: 'Slack token' } },
        ],
      },
    },
  ],
});

describe('repo/no-secrets never shows a secret', () => {
  for (const [name, repo] of Object.entries(failingRepos)) {
    it(`${name}: no secret value in the verdict (messages and evidence)`, async () => {
      const verdict = await evaluateCheck(check, { evidence: () => ({ workspace: repo() }) });
      expect(verdict.status).toBe('fail');
      const written = JSON.stringify(verdict);
      for (const secret of SECRETS) expect(written).not.toContain(secret);
    });
  }
});
