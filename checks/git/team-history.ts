import type { HistoryCommit } from '../../runner/history/git-history.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { type Author, dayOf, isMember, mergeAuthors } from './support/team-authors.js';

interface Options {
  /** Distinct days with commits the graded history must span. */
  minDays: number;
  /** What a member of the roster with no commit gets: `warn` (the jury decides, the default) or `fail`. */
  missingMember: 'warn' | 'fail';
}

/** Authors (and members) named in a message; the evidence holds them all. */
const IN_MESSAGE = 6;

export default defineCheck({
  meta: {
    id: 'git/team-history',
    title: { fr: "Travail d'équipe versionné avant l'échéance", en: 'Team work versioned before the deadline' },
    // "Travail versionné / en équipe" of each framework (CRITERIA.md, "versioned team work"); cerf-ia has none.
    criteria: ['cdp-data-ia:C2.6', 'cdp-ia-aivancity:C5.4', 'dev-ia-ds:A2 C1', 'cdp-ia:A4C3'],
    evidence: ['git'],
    options: {
      properties: {
        minDays: { type: 'integer', minimum: 1, default: 3, description: 'distinct days with commits, at least' },
        missingMember: { enum: ['warn', 'fail'], default: 'warn', description: 'verdict when a listed member has no commit (the jury decides)' },
      },
    },
    messages: {
      pass: {
        fr: "{commits} commits de l'équipe sur {days} jours avant l'échéance ; chacun des {members} membres a commité ({shares}).",
        en: '{commits} commits by the team over {days} days before the deadline; each of the {members} members committed ({shares}).',
      },
      passNoRoster: {
        fr: "{commits} commits de {authors} auteurs sur {days} jours avant l'échéance ({shares}). Aucune liste de membres (roster ou team: de mspr.yaml) : les auteurs n'ont pas été rapprochés de l'équipe.",
        en: '{commits} commits by {authors} authors over {days} days before the deadline ({shares}). No member list (roster or mspr.yaml team:): the authors were not matched with the team.',
      },
      fewDays: {
        fr: "Les {commits} commits rendus tiennent en {days} {days|jour|jours} ({dates}). Attendu : un travail versionné au fil du projet, sur au moins {minDays} jours distincts avant l'échéance. Commitez au fur et à mesure, pas tout à la fin.",
        en: 'The {commits} submitted commits fit in {days} {days|day|days} ({dates}). Expected: work versioned as the project went, over at least {minDays} distinct days before the deadline. Commit as you go, not all at the end.',
      },
      missingMembers: {
        fr: "Sans commit avant l'échéance : {missing} ({count} {count|membre|membres} sur {members}). Parts des autres : {shares}. Attendu : des commits de chaque membre. Le jury décide ; un membre qui commite sous un autre nom ou une autre adresse peut l'ajouter à sa configuration git (ou au .mailmap de l'équipe).",
        en: 'No commit before the deadline from: {missing} ({count} of {members} members). Shares of the others: {shares}. Expected: commits by each member. The jury decides; a member who commits under another name or address can set it in their git configuration (or the team’s .mailmap).',
      },
      oneAuthor: {
        fr: "Un seul auteur dans l'historique ({shares}) et aucune liste de membres. Attendu : des commits de chaque membre de l'équipe. Le jury décide ; donnez la liste des membres (team: dans mspr.yaml, ou la colonne members du roster).",
        en: 'One author in the history ({shares}) and no member list. Expected: commits by each team member. The jury decides; give the member list (team: in mspr.yaml, or the roster’s members column).',
      },
      noHistory: {
        fr: "Aucun historique git : le dossier rendu n'est pas un dépôt git. Attendu : le dépôt de l'équipe. Donnez l'URL git ou le dossier du dépôt cloné (avec son .git), pas une copie des fichiers.",
        en: "No git history: the submitted folder is not a git repository. Expected: the team's repository. Give the git URL or the cloned repository's folder (with its .git), not a copy of the files.",
      },
      historyNotRead: {
        fr: "Historique git non lu : {why} Donnez l'URL git du dépôt de l'équipe.",
        en: "Git history not read: {why} Give the git URL of the team's repository.",
      },
    },
  },
  run({ options, submission, manifest }: CheckContext<Options>) {
    const history = submission.history;
    if (!history || !history.available) {
      const subject: Evidence = { kind: 'git', subject: 'git history', expected: 'a git repository', actual: history?.reason ?? 'not-a-repository' };
      if (!history || history.reason === 'not-a-repository') return { status: 'error', message: 'noHistory', evidence: [subject] };
      return { status: 'error', message: 'historyNotRead', params: { why: history.message }, evidence: [subject] };
    }
    const authors = mergeAuthors(history.commits);
    const days = [...new Set(history.commits.map(dayOf))].sort();
    const members = submission.members?.length ? { from: 'roster', list: submission.members } : manifest?.team?.length ? { from: 'mspr.yaml', list: manifest.team } : undefined;
    const total = history.commits.length;
    const shareOf = (commits: readonly HistoryCommit[]) => Math.round((commits.length / Math.max(total, 1)) * 1000) / 1000;

    const listed = (members?.list ?? []).map((member) => ({ member, authors: authors.filter((author) => isMember(member, author)) }));
    const evidence: Evidence[] = [
      {
        kind: 'git',
        subject: 'git history',
        actual: total,
        data: {
          commit: history.commit,
          commits: history.total,
          ...(history.capped ? { capped: true, read: total } : {}),
          days: days.length,
          firstDay: days[0],
          lastDay: days[days.length - 1],
          afterDeadline: history.afterDeadlineTotal,
          ...(history.afterDeadline.length > 0 ? { afterDeadlineCommits: history.afterDeadline.slice(0, 20).map((c) => ({ sha: c.sha, author: c.author, date: c.date })) } : {}),
          members: members?.from ?? 'none',
        },
      },
      { kind: 'git', subject: 'distinct days', expected: `>= ${options.minDays}`, actual: days.length, data: { days: days.slice(0, 60) } },
      ...(members ? listed.map((entry) => memberEvidence(entry.member, entry.authors, shareOf)) : []),
      ...authors.filter((author) => !listed.some((entry) => entry.authors.includes(author))).map((author) => authorEvidence(author, shareOf, Boolean(members))),
    ];
    const shares = (members ? listed.filter((e) => e.authors.length > 0).map((e) => `${e.member} ${pct(shareOf(e.authors.flatMap((a) => a.commits)))}`) : authors.map((a) => `${a.names[0]} ${pct(shareOf(a.commits))}`))
      .slice(0, IN_MESSAGE)
      .join(', ');

    if (days.length < options.minDays) {
      const dates = days.slice(0, IN_MESSAGE).join(', ');
      return { status: 'fail', message: 'fewDays', params: { commits: total, days: days.length, dates, minDays: options.minDays }, evidence };
    }
    if (members) {
      const missing = listed.filter((entry) => entry.authors.length === 0).map((entry) => entry.member);
      if (missing.length > 0) {
        const score = (listed.length - missing.length) / listed.length;
        return { status: options.missingMember, score: options.missingMember === 'fail' ? 0 : score * 0.5, message: 'missingMembers', params: { missing: missing.join(', '), count: missing.length, members: listed.length, shares: shares || '-' }, evidence };
      }
      return { status: 'pass', message: 'pass', params: { commits: total, days: days.length, members: listed.length, shares }, evidence };
    }
    if (authors.length < 2) return { status: 'warn', message: 'oneAuthor', params: { shares }, evidence };
    return { status: 'pass', message: 'passNoRoster', params: { commits: total, authors: authors.length, days: days.length, shares }, evidence };
  },
});

function memberEvidence(member: string, authors: Author[], shareOf: (commits: readonly HistoryCommit[]) => number): Evidence {
  const commits = authors.flatMap((author) => author.commits);
  return {
    kind: 'git',
    subject: `member ${member}`,
    expected: '>= 1 commit',
    actual: commits.length,
    data: { share: shareOf(commits), days: new Set(commits.map(dayOf)).size, names: authors.flatMap((a) => a.names), emails: authors.flatMap((a) => a.emails) },
  };
}

function authorEvidence(author: Author, shareOf: (commits: readonly HistoryCommit[]) => number, rosterKnown: boolean): Evidence {
  return {
    kind: 'git',
    subject: `author ${author.names[0]}`,
    actual: author.commits.length,
    data: { share: shareOf(author.commits), days: new Set(author.commits.map(dayOf)).size, names: author.names, emails: author.emails, ...(rosterKnown ? { listed: false } : {}) },
  };
}

function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}
