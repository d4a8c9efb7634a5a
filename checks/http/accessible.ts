import type { Impact, PageAudit, PageViolation } from '../../runner/browser/page-audit.js';
import { joinLocalized, t, type Localized } from '../../runner/i18n.js';
import { countOf } from '../../runner/i18n/format.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';

interface Options {
  /** Impacts that fail the criterion; the others are listed for the jury. */
  failOn: Impact[];
}

/** Rules listed in the message; the evidence holds every one, per page. */
const RULES_IN_MESSAGE = 6;

const IMPACT_WORDS: Record<Impact, Localized> = {
  critical: t('critique', 'critical'),
  serious: t('grave', 'serious'),
  moderate: t('modérée', 'moderate'),
  minor: t('mineure', 'minor'),
};

export default defineCheck({
  meta: {
    id: 'http/accessible',
    title: { fr: 'Interface web accessible (WCAG 2.1 A/AA)', en: 'Accessible web front end (WCAG 2.1 A/AA)' },
    // CRITERIA.md, "accessible front end": dev-ia-ds A1.3 C2 names WCAG 2.1 A/AA and the RGAA.
    criteria: ['dev-ia-ds:A1.3 C2', 'cdp-data-ia:C2.6'],
    evidence: ['http'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        failOn: {
          type: 'array',
          items: { enum: ['minor', 'moderate', 'serious', 'critical'] },
          uniqueItems: true,
          minItems: 1,
          default: ['serious', 'critical'],
          description: 'axe-core impacts that fail the criterion; the others are listed',
        },
      },
    },
    messages: {
      pass: {
        fr: 'Aucune violation WCAG 2.1 A/AA trouvée par axe-core {axe} sur les pages auditées : {urls}.',
        en: 'No WCAG 2.1 A/AA violation found by axe-core {axe} on the pages audited: {urls}.',
      },
      passWithMinor: {
        fr: 'Aucune violation bloquante ({failOn}) sur les pages auditées ({urls}) ; à revoir avec le jury : {rules}.',
        en: 'No blocking violation ({failOn}) on the pages audited ({urls}); to review with the jury: {rules}.',
      },
      violations: {
        fr: 'Violations WCAG 2.1 A/AA bloquantes trouvées par axe-core : {rules}. Attendu : aucune violation {failOn}. Que faire : corrigez chaque élément cité (un <label> pour chaque champ, un contraste d’au moins 4,5:1, un attribut lang, un titre de page) et relancez.',
        en: 'Blocking WCAG 2.1 A/AA violations found by axe-core: {rules}. Expected: no {failOn} violation. What to do: fix each element named (a <label> for each field, a contrast of at least 4.5:1, a lang attribute, a page title) and run again.',
      },
      noPages: {
        fr: 'Aucune page HTML de l’application de l’équipe n’a été servie : rien à auditer. Attendu : une interface web (formulaire de prédiction, tableau de bord) démarrée par le dépôt (étape `serve`, ou une commande `uvicorn`, `flask run` ou `streamlit run` dans le README).',
        en: 'No HTML page of the team’s app was served: nothing to audit. Expected: a web front end (prediction form, dashboard) started by the repository (a `serve` step, or a `uvicorn`, `flask run` or `streamlit run` command in the README).',
      },
      notAudited: {
        fr: 'Aucune page de l’application n’a pu être auditée : {reasons}. Attendu : des pages qui se chargent. Que faire : vérifiez que l’application répond sur ces adresses.',
        en: 'No page of the app could be audited: {reasons}. Expected: pages that load. What to do: check that the app answers on those addresses.',
      },
      noBrowser: {
        fr: 'Non évaluable sur cette machine : {reason} {fix}',
        en: 'Could not be judged on this machine: {reason} {fix}',
      },
    },
  },
  run({ options, accessibility }: CheckContext<Options>) {
    if (!accessibility) return { status: 'fail', message: 'noPages' };
    if (!accessibility.audited) {
      return {
        status: 'error',
        message: 'noBrowser',
        params: { reason: accessibility.reason, fix: accessibility.fix },
        blockedBy: { owner: 'grader', causes: ['browser-missing'], steps: [] },
      };
    }
    const { pages } = accessibility;
    if (pages.length === 0) return { status: 'fail', message: 'noPages' };
    const audited = pages.filter((page) => !page.error);
    const pageEvidence = pages.map((page) => evidenceOf(page, options.failOn));
    if (audited.length === 0) {
      const reasons = joinLocalized(pages.map((page) => ({ fr: `${page.url} (${page.error!.fr})`, en: `${page.url} (${page.error!.en})` })), ' ; ');
      return { status: 'fail', message: 'notAudited', params: { reasons }, evidence: pageEvidence };
    }
    const urls = audited.map((page) => page.url).join(', ');
    const failOn = joinLocalized(options.failOn.map((impact) => IMPACT_WORDS[impact]), ', ');
    const blocking = listRules(audited, (violation) => options.failOn.includes(violation.impact ?? 'minor'));
    if (blocking.length > 0) return { status: 'fail', message: 'violations', params: { rules: joinRules(blocking), failOn }, evidence: pageEvidence };
    const others = listRules(audited, () => true);
    if (others.length > 0) return { status: 'pass', message: 'passWithMinor', params: { urls, failOn, rules: joinRules(others) }, evidence: pageEvidence };
    return { status: 'pass', message: 'pass', params: { urls, axe: accessibility.axeVersion }, evidence: pageEvidence };
  },
});

interface RuleOnPage {
  page: PageAudit;
  violation: PageViolation;
}

function listRules(pages: readonly PageAudit[], keep: (violation: PageViolation) => boolean): RuleOnPage[] {
  return pages.flatMap((page) => page.violations.filter(keep).map((violation) => ({ page, violation })));
}

/** `label` (critique, 2 éléments : #age, #poids) sur http://…/ — rule ids and selectors are code, the rest words. */
function joinRules(rules: readonly RuleOnPage[]): Localized {
  const shown = rules.slice(0, RULES_IN_MESSAGE).map(({ page, violation }) => {
    const impact = violation.impact ? IMPACT_WORDS[violation.impact] : t('impact inconnu', 'unknown impact');
    const selectors = violation.nodes.map((node) => node.selector).join(', ');
    return {
      fr: `\`${violation.rule}\` (${impact.fr}, ${elements(violation.count, 'fr')} : ${selectors}) sur ${page.url}`,
      en: `\`${violation.rule}\` (${impact.en}, ${elements(violation.count, 'en')}: ${selectors}) on ${page.url}`,
    };
  });
  const more = rules.length - shown.length;
  if (more > 0) shown.push(t(`et ${more} autres dans les preuves`, `and ${more} more in the evidence`));
  return joinLocalized(shown, ' ; ');
}

function elements(count: number, lang: 'fr' | 'en'): string {
  return lang === 'fr' ? countOf(count, lang, 'élément', 'éléments') : countOf(count, lang, 'element', 'elements');
}

/** One fact per page: blocking violations found against none allowed, with every rule, its elements and the screenshot. */
function evidenceOf(page: PageAudit, failOn: readonly Impact[]): Evidence {
  const blocking = page.violations.filter((violation) => failOn.includes(violation.impact ?? 'minor'));
  return {
    kind: 'http',
    subject: page.url,
    expected: 0,
    actual: page.error ? null : blocking.reduce((sum, violation) => sum + violation.count, 0),
    data: {
      ...(page.status !== undefined ? { status: page.status } : {}),
      ...(page.title !== undefined ? { title: page.title, lang: page.lang } : {}),
      violations: page.violations.map((violation) => ({ rule: violation.rule, impact: violation.impact, wcag: violation.wcag, count: violation.count, help: violation.help, elements: violation.nodes })),
      ...(page.blockedRequests > 0 ? { blockedRequests: page.blockedRequests, blockedOrigins: page.blockedOrigins } : {}),
      ...(page.screenshot ? { screenshot: page.screenshot } : {}),
    },
    ...(page.error ? { note: page.error } : {}),
  };
}
