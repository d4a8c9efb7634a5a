import { type Lang, pick } from '../runner/i18n.js';
import type { RunReport } from './report.js';
import { commitUrl, forgeRepository } from './source-links.js';

/** One line of the report's header: a label, its value in words, and a link when there is one. */
export interface HeaderLine {
  id: 'team' | 'members' | 'repository' | 'commit' | 'deadline' | 'late' | 'date' | 'scenario' | 'framework' | 'sandbox' | 'run';
  label: string;
  value: string;
  href?: string;
  /** A value to show as code (a path, a hash, an id). */
  code?: boolean;
}

const WORDS = {
  fr: { team: 'Équipe', members: 'Membres', repository: 'Dépôt', commit: 'Commit', deadline: 'Échéance', late: 'Commits après l’échéance', date: 'Date de l’évaluation', scenario: 'Scénario', framework: 'Référentiel et bloc', sandbox: 'Bac à sable', run: 'Exécution', isolated: 'isolé (réseau coupé)', notIsolated: 'non isolé', lateNone: 'aucun', lateSome: (n: number) => (n === 1 ? '1 commit postérieur, non évalué' : `${n} commits postérieurs, non évalués`), bloc: 'bloc', fromManifest: 'selon mspr.yaml', committed: 'daté du' },
  en: { team: 'Team', members: 'Members', repository: 'Repository', commit: 'Commit', deadline: 'Deadline', late: 'Commits after the deadline', date: 'Date of the run', scenario: 'Scenario', framework: 'Framework and bloc', sandbox: 'Sandbox', run: 'Run', isolated: 'isolated (network off)', notIsolated: 'not isolated', lateNone: 'none', lateSome: (n: number) => (n === 1 ? '1 later commit, not graded' : `${n} later commits, not graded`), bloc: 'bloc', fromManifest: 'from mspr.yaml', committed: 'dated' },
} as const;

/** A date as a jury reads it, in Paris time (the school's), with the zone said. */
export function juryDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date) + (lang === 'fr' ? ' (heure de Paris)' : ' (Paris time)');
}

/** Who, what, when and where of the run, in the order a jury checks them before reading the results. */
export function headerLines(report: RunReport, lang: Lang): HeaderLine[] {
  const w = WORDS[lang];
  const { submission } = report;
  const lines: HeaderLine[] = [];
  if (report.team?.name) lines.push({ id: 'team', label: w.team, value: report.team.name });
  if (report.team && report.team.members.length > 0) lines.push({ id: 'members', label: w.members, value: report.team.members.join(', ') + (report.team.from === 'manifest' ? ` (${w.fromManifest})` : '') });
  const forge = submission.kind === 'git' ? forgeRepository(submission.source) : undefined;
  lines.push({ id: 'repository', label: w.repository, value: submission.source, code: true, ...(forge ? { href: `https://${forge.host}/${forge.repo}` } : {}) });
  if (submission.commit) {
    const url = commitUrl(report);
    const dated = submission.commitDate ? ` (${w.committed} ${juryDate(submission.commitDate, lang)})` : '';
    lines.push({ id: 'commit', label: w.commit, value: `${submission.commit.slice(0, 12)}${dated}`, ...(url ? { href: url } : {}) });
  }
  if (submission.deadline) {
    lines.push({ id: 'deadline', label: w.deadline, value: juryDate(submission.deadline, lang) });
    const late = submission.commitsAfterDeadline ?? 0;
    lines.push({ id: 'late', label: w.late, value: late === 0 ? w.lateNone : w.lateSome(late) });
  }
  lines.push({ id: 'date', label: w.date, value: juryDate(report.startedAt, lang) });
  lines.push({ id: 'scenario', label: w.scenario, value: `${pick(report.scenario.title, lang)} (${report.scenario.id})` });
  lines.push({ id: 'framework', label: w.framework, value: `${report.scenario.framework}, ${w.bloc} ${report.scenario.bloc}` });
  lines.push({ id: 'sandbox', label: w.sandbox, value: `${report.sandbox.backend}, ${report.sandbox.isolated ? w.isolated : w.notIsolated}` });
  lines.push({ id: 'run', label: w.run, value: report.runId, code: true });
  return lines;
}
