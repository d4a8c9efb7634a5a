import { describe, expect, it } from 'vitest';
import { isSecretEntry, isEnvFile, secretsFromEnvFiles } from '../../runner/redaction/env-file-secrets.js';
import { redactReport } from '../../runner/redaction/redact-report.js';
import { createRedactor } from '../../runner/redaction/redactor.js';
import type { RunReport } from '../../reports/report.js';
import { rollUpCompetencies } from '../../reports/competencies.js';
import { summarize } from '../../reports/summarize.js';
import { validateReport } from '../../reports/validate-report.js';
import { tempRepo } from '../helpers/temp-repo.js';

describe('secret formats: masked wherever they appear', () => {
  const masked: Array<[string, string, string]> = [
    ['AWS access key id', 'clé AKIAIOSFODNN7EXAMPLE fin', 'clé *** fin'],
    ['AWS secret key', 'secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY fin', 'secret *** fin'],
    ['GitHub token', `jeton ghp_${'a1B2c3D4e5'.repeat(4).slice(0, 36)} fin`, 'jeton *** fin'],
    ['GitHub fine-grained token', `github_pat_${'11ABCDEFG0'.repeat(3)}_abc fin`, '*** fin'],
    ['GitLab token', 'glpat-AbCdEfGhIjKlMnOpQrSt12 fin', '*** fin'],
    ['Slack token', 'xoxb-1234567890-abcdefGHIJ fin', '*** fin'],
    ['JWT', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_NATURE-1', 'Bearer ***'],
    ['private key', 'k=-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA\n-----END OPENSSH PRIVATE KEY-----\nsuite', 'k=***\nsuite'],
    ['private key cut by the output tail', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg', '***'],
    ['URL password', 'engine = create_engine("postgresql://etl:motdepasse@localhost:5432/ventes")', 'engine = create_engine("postgresql://etl:***@localhost:5432/ventes")'],
    ['password assignment', 'DB_PASSWORD=hunter22 ok', 'DB_PASSWORD=*** ok'],
    ['quoted assignment with spaces', "password = 'mot de passe'", "password = '***'"],
    ['JSON field', '{"api_key": "k-12345678", "user": "bob"}', '{"api_key": "***", "user": "bob"}'],
    ['YAML field', 'client_secret: abcd-efgh', 'client_secret: ***'],
  ];
  it.each(masked)('%s', (_name, input, output) => {
    expect(createRedactor().text(input)).toBe(output);
  });

  const kept: Array<[string, string]> = [
    ['a commit hash', 'commit 0123456789abcdef0123456789abcdef01234567'],
    ['a path of 40 characters', 'src/models/pipeline/TrainingRegressor2.py'],
    ['a password read from the environment', 'password = os.environ["DB_PASSWORD"]'],
    ['a password asked for', 'password = getpass()'],
    ['a setting reference', 'secret_key = settings.SECRET_KEY'],
    ['a placeholder', 'DB_PASSWORD=${DB_PASSWORD} and password: <your password> and token=None'],
    ['a masked URL', 'postgresql://etl:***@localhost/ventes'],
    ['words that only contain a secret name', 'tests passed: 12345, bypass=abcdef, max_tokens=1024'],
    ['a URL without password', 'https://example.org/data.csv and postgresql://localhost:5432/ventes'],
  ];
  it.each(kept)('keeps %s', (_name, input) => {
    const redactor = createRedactor();
    expect(redactor.text(input)).toBe(input);
    expect(redactor.count).toBe(0);
  });

  it('known values: long ones anywhere, short ones as whole words only, the count kept', () => {
    const redactor = createRedactor(['Sup3rS3cret!2026', 'mspr', 'abc']);
    expect(redactor.text('x=Sup3rS3cret!2026; mspr.yaml; msprlab; abc')).toBe('x=***; ***.yaml; msprlab; abc');
    expect(redactor.text('préfixeSup3rS3cret!2026')).toBe('préfixe***');
    expect(redactor.count).toBe(3);
  });
});

describe('.env files: which values are secrets', () => {
  it('finds .env and .env.* in every folder, and keeps secret names and random-looking values only', () => {
    expect(['.env', 'config/.env.production', '.env.example'].map(isEnvFile)).toEqual([true, true, true]);
    expect(['env.py', 'docs/.envrc.md', 'my.env'].map(isEnvFile)).toEqual([false, false, false]);
    const repo = tempRepo({
      '.env': 'DB_HOST=localhost\nDB_PORT=5432\nDB_NAME=boutique\nDB_PASSWORD="mot de passe"\nexport API_KEY=k-123456\nDEBUG=true\nSESSION_ID=Zk8qW2xP9vR4tY7uJ1mN\n',
      'app/.env.local': 'SECRET_TOKEN=tok-abcdef # commentaire\n',
      'notes.md': 'PASSWORD=pas-un-env\n',
    });
    expect(secretsFromEnvFiles(repo).sort()).toEqual(['Zk8qW2xP9vR4tY7uJ1mN', 'k-123456', 'mot de passe', 'tok-abcdef']);
    expect(isSecretEntry('DB_USER', 'candidate')).toBe(false);
    expect(isSecretEntry('DB_PASSWORD', '')).toBe(false);
    expect(isSecretEntry('MYSQL_ROOT_PASSWORD', 'root')).toBe(true);
  });
});

describe('the report redacted once', () => {
  it('masks free text everywhere, never a status, an id or a date', () => {
    const verdicts = [
      { id: 'steps/succeeded', checkId: 'steps/succeeded', title: { fr: 't', en: 't' }, status: 'fail' as const, score: 0, weight: 1, required: true, message: { fr: 'échec : fail hunter22', en: 'failed: fail hunter22' }, messageKey: 'fail', evidence: [{ kind: 'step' as const, subject: 'pipeline:main.py', data: { exception: 'KeyError: hunter22' } }], criteria: ['cdp-data-ia:C2.6'], durationMs: 1 },
    ];
    const report: RunReport = {
      schemaVersion: '1.1', tool: { name: 'mspr-lab', version: '0.1.0' }, runId: 'r', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', durationMs: 1,
      scenario: { id: 's', title: { fr: 's', en: 's' }, framework: 'f', bloc: '1', source: 's.yaml' },
      submission: { source: 'https://team:ghp_abcdefghijklmnopqrstuvwxyz0123456789@git.example/t.git', kind: 'git', refused: [], fileCount: 1, totalBytes: 1 },
      sandbox: { backend: 'local', isolated: false }, assumptions: [],
      steps: [{ id: 'pipeline:main.py', kind: 'command', argv: ['python', 'main.py'], status: 'failed', optional: false, exitCode: 1, signal: null, timedOut: false, oomKilled: false, durationMs: 1, stdoutTail: 'connexion hunter22\n', stderrTail: '', outputBytes: { stdout: 18, stderr: 0 }, outputTruncated: false }],
      trace: { events: 0, problems: [] }, verdicts, manual: [], errors: [], summary: summarize(verdicts, []), competencies: rollUpCompetencies('f', verdicts, [], false),
    };
    // A candidate whose "password" is the word fail cannot change a verdict's status.
    const redactor = createRedactor(['hunter22', 'fail']);
    const redacted = redactReport(report, redactor);
    expect(redacted.verdicts[0]).toMatchObject({ status: 'fail', messageKey: 'fail', message: { fr: 'échec : *** ***', en: 'failed: *** ***' }, evidence: [{ data: { exception: 'KeyError: ***' } }] });
    expect(redacted.steps[0]).toMatchObject({ status: 'failed', stdoutTail: 'connexion ***\n' });
    expect(redacted.submission.source).toBe('https://team:***@git.example/t.git');
    expect(redacted.summary).toEqual(report.summary);
    expect(redactor.count).toBe(7);
    expect(validateReport(redacted)).toEqual([]);
    expect(report.steps[0]!.stdoutTail).toBe('connexion hunter22\n');
  });
});
