import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packagePath } from '../../runner/paths.js';
import { fixture, runCli } from '../helpers/run-cli.js';

/**
 * The generated files are validated by GitHub's own parser (@actions/workflow-parser, the schema the
 * Actions service and its language server use). No npm package ships GitLab's CI schema on its own
 * (gitlab-ci-local embeds it, with native dependencies), so the GitLab file is checked for the keys GitLab
 * reads. Then the steps' commands run here for real, in scratch candidate repositories.
 */
const scratch = mkdtempSync(join(tmpdir(), 'mspr-ci-'));
const SCENARIO = 'cdp-data-ia-bloc1-etl';

function validateGithub(content: string) {
  const parsed = parseWorkflow({ name: 'mspr-lab.yml', content }, new NoOperationTraceWriter());
  return { parsed, errors: parsed.context.errors.getErrors().map((error) => error.message) };
}

function generate(kind: 'github' | 'gitlab', extra: string[] = []): string {
  const out = join(mkdtempSync(join(scratch, 'gen-')), kind === 'github' ? 'mspr-lab.yml' : '.gitlab-ci.yml');
  const run = runCli(['ci', kind, '--scenario', SCENARIO, '--out', out, ...extra]);
  expect(run.exitCode, run.stderr).toBe(0);
  expect(run.stdout).toBe(`Written: ${out} (${SCENARIO}); commit it and push: ${kind === 'github' ? 'every push is graded' : 'every pipeline is graded'}.\n`);
  return readFileSync(out, 'utf8');
}

describe('mspr-lab ci github', () => {
  it('writes a workflow GitHub’s parser accepts: Node 20 Debian container, apt stack, install, grade, summary, artefacts', async () => {
    const content = generate('github');
    const { parsed, errors } = validateGithub(content);
    expect(errors).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    const workflow = parse(content);
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
    const job = workflow.jobs.grade;
    expect(job.container).toBe('node:20-bookworm');
    expect(job.steps.map((step: { name?: string; uses?: string }) => step.name ?? step.uses)).toEqual([
      'Python data stack (Debian packages)', 'actions/checkout@v4', 'Install mspr-lab', 'Grade', 'Reports',
    ]);
    expect(job.steps[1].with['fetch-depth']).toBe(0);
    expect(job.steps[2].run).toMatch(/^npm install -g --no-audit --no-fund mspr-lab@\d+\.\d+\.\d+$/);
    expect(job.steps[3].run).toBe(`mspr-lab check . --scenario ${SCENARIO} --sandbox local --python /usr/bin/python3 --format json,junit,md,html --out mspr-reports`);
    expect(job.steps[4]).toMatchObject({ if: 'always()', uses: 'actions/upload-artifact@v4', with: { name: 'mspr-lab-reports', path: 'mspr-reports/' } });
  });

  it('the validator does reject a broken workflow (so its silence above means something)', () => {
    const broken = generate('github').replace('    runs-on: ubuntu-latest\n', '').replace('      - uses: actions/checkout@v4', '      - usez: actions/checkout@v4');
    expect(validateGithub(broken).errors.length).toBeGreaterThan(0);
  });

  it('refuses an unknown scenario (exit 2, nothing written), an existing file without --force; - prints', () => {
    const dir = mkdtempSync(join(scratch, 'refuse-'));
    const unknown = runCli(['ci', 'github', '--scenario', 'bloc-42', '--out', join(dir, 'wf.yml')]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('MSPR_SCENARIO_NOT_FOUND');
    expect(existsSync(join(dir, 'wf.yml'))).toBe(false);
    writeFileSync(join(dir, 'wf.yml'), 'the team’s own workflow\n');
    const existing = runCli(['ci', 'github', '--scenario', SCENARIO, '--out', join(dir, 'wf.yml')]);
    expect(existing.exitCode).toBe(2);
    expect(existing.stderr).toContain(`MSPR_USAGE: ${join(dir, 'wf.yml')} already exists: it is not replaced.`);
    expect(readFileSync(join(dir, 'wf.yml'), 'utf8')).toBe('the team’s own workflow\n');
    expect(runCli(['ci', 'github', '--scenario', SCENARIO, '--out', join(dir, 'wf.yml'), '--force']).exitCode).toBe(0);
    expect(validateGithub(readFileSync(join(dir, 'wf.yml'), 'utf8')).errors).toEqual([]);
    const printed = runCli(['ci', 'gitlab', '--scenario', SCENARIO, '--out', '-']);
    expect(printed.exitCode).toBe(0);
    expect(parse(printed.stdout)['mspr-lab'].image).toBe('node:20-bookworm');
    const french = runCli(['ci', 'github', '--scenario', SCENARIO, '--out', join(dir, 'fr.yml'), '--lang', 'fr']);
    expect(french.stdout).toBe(`Écrit : ${join(dir, 'fr.yml')} (${SCENARIO}) ; validez-le puis poussez : chaque push sera corrigé.\n`);
  });
});

describe('mspr-lab ci gitlab', () => {
  it('writes a pipeline with the keys GitLab reads: image, before_script, script, JUnit report, artefacts always', () => {
    const pipeline = parse(generate('gitlab'));
    expect(pipeline.stages).toEqual(['test']);
    const job = pipeline['mspr-lab'];
    expect(Object.keys(job).sort()).toEqual(['artifacts', 'before_script', 'image', 'script', 'stage', 'timeout', 'variables']);
    expect(job).toMatchObject({ stage: 'test', image: 'node:20-bookworm', variables: { GIT_DEPTH: '0' } });
    expect(job.before_script[0]).toMatch(/^apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends git ca-certificates python3 python3-pandas /);
    expect(job.script).toEqual([`mspr-lab check . --scenario ${SCENARIO} --sandbox local --python /usr/bin/python3 --format json,junit,md,html --out mspr-reports`]);
    expect(job.artifacts).toEqual({ when: 'always', expire_in: '30 days', paths: ['mspr-reports/'], reports: { junit: 'mspr-reports/*/report.junit.xml' } });
  });
});

describe('the workflow’s commands, run here in scratch candidate repositories', () => {
  const prefix = join(scratch, 'prefix');
  let steps: Array<{ name?: string; run?: string }>;
  const env = () => ({ ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, npm_config_prefix: prefix, MSPR_WORK_DIR: join(scratch, 'work'), LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1' });
  const bash = (command: string, cwd: string, extra: Record<string, string> = {}) => spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', env: { ...env(), ...extra }, timeout: 600_000 });

  beforeAll(() => {
    // --tool names this checkout: `npm install -g <folder>` links it, so the install step runs without a registry.
    steps = parse(generate('github', ['--tool', packagePath()])).jobs.grade.steps;
    const install = bash(steps.find((step) => step.name === 'Install mspr-lab')!.run!, scratch);
    expect(install.status, install.stderr).toBe(0);
  }, 600_000);

  it('the apt step names only packages this Debian has (so it is a no-op here; it is not run: it would touch the system)', () => {
    const apt = steps[0]!.run!;
    const packages = apt.split('--no-install-recommends ')[1]!.split(' ');
    const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...packages], { encoding: 'utf8' });
    const installed = query.stdout.split('\n').filter((row) => row.endsWith('install ok installed')).map((row) => row.split(' ')[0]);
    expect(packages.filter((name) => !installed.includes(name))).toEqual([]);
  });

  function candidateRepo(source: string, name: string): string {
    const repo = join(scratch, name);
    cpSync(source, repo, { recursive: true });
    execFileSync('bash', ['-c', 'git init -q && git add -A && git -c user.name=Équipe -c user.email=equipe@example.org commit -qm "Livraison"'], { cwd: repo });
    return repo;
  }

  it('a passing team: the grade exits 0 and writes the Markdown report to the job summary, the reports are there', () => {
    const repo = candidateRepo(packagePath('examples/etl-sqlite'), 'team-pass');
    const summary = join(scratch, 'summary-pass.md');
    const grade = bash(steps.find((step) => step.name === 'Grade')!.run!, repo, { GITHUB_STEP_SUMMARY: summary });
    expect(grade.status, `${grade.stdout}\n${grade.stderr}`).toBe(0);
    const [run] = readdirSync(join(repo, 'mspr-reports'));
    expect(readdirSync(join(repo, 'mspr-reports', run!)).sort()).toEqual(['report.html', 'report.json', 'report.junit.xml', 'report.md']);
    // The job summary is its own rendering: nothing to fix, the passes folded.
    expect(readFileSync(summary, 'utf8')).toMatch(/\(0\)\n\n(Rien à corriger|Nothing to fix)[^\n]*\n\n<details>\n<summary>/);
  });

  it('a team that lost rows: the grade exits 1 (the job fails), the job summary and the JUnit failure are written', () => {
    const repo = candidateRepo(fixture('data/etl-rows-lost'), 'team-fail');
    const summary = join(scratch, 'summary-fail.md');
    const grade = bash(steps.find((step) => step.name === 'Grade')!.run!, repo, { GITHUB_STEP_SUMMARY: summary });
    expect(grade.status, `${grade.stdout}\n${grade.stderr}`).toBe(1);
    // Failures first (before the folded passes), with their found / expected table.
    const text = readFileSync(summary, 'utf8');
    expect(text.indexOf('(`db/rows-match-source`)')).toBeGreaterThan(-1);
    expect(text.indexOf('(`db/rows-match-source`)')).toBeLessThan(text.indexOf('<details>'));
    expect(text).toMatch(/\| table ventes \| 1[\u202f\u00a0,]?500 \| 2[\u202f\u00a0,]?000 \|/);
    const [run] = readdirSync(join(repo, 'mspr-reports'));
    expect(readFileSync(join(repo, 'mspr-reports', run!, 'report.junit.xml'), 'utf8')).toContain('<failure');
  });
});
