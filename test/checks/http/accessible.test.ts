import check from '../../../checks/http/accessible.js';
import { testCheck } from '../../../checks/tester.js';
import type { AccessibilityEvidence, PageAudit, PageViolation } from '../../../runner/browser/page-audit.js';

// Table tests on the audit's own shape; test/browser/audit-pages.test.ts runs the real audit in Chromium on real
// pages and feeds its result to this check.
const APP = 'http://10.88.0.2:8000';

const label: PageViolation = {
  rule: 'label',
  impact: 'critical',
  help: 'Form elements must have labels',
  wcag: ['wcag2a', 'wcag412', 'wcag131'],
  count: 2,
  nodes: [
    { selector: '#surface', html: '<input id="surface" name="surface" type="number">' },
    { selector: '#pieces', html: '<input id="pieces" name="pieces" type="number">' },
  ],
};
const contrast: PageViolation = { rule: 'color-contrast', impact: 'serious', help: 'Elements must meet minimum color contrast ratio thresholds', wcag: ['wcag2aa', 'wcag143'], count: 1, nodes: [{ selector: '.aide', html: '<p class="aide">' }] };
const landmark: PageViolation = { rule: 'region', impact: 'moderate', help: 'All page content should be contained by landmarks', wcag: [], count: 3, nodes: [{ selector: 'h1', html: '<h1>' }] };

const page = (path: string, violations: PageViolation[] = [], extra: Partial<PageAudit> = {}): PageAudit => ({
  url: `${APP}${path}`,
  status: 200,
  title: 'Estimer le prix',
  lang: 'fr',
  violations,
  blockedRequests: 0,
  blockedOrigins: [],
  screenshot: `accessibility/page-${path.length}.png`,
  ...extra,
});
const audited = (...pages: PageAudit[]): { accessibility: AccessibilityEvidence } => ({ accessibility: { audited: true, browser: '/usr/bin/chromium', axeVersion: '4.14.1', pages } });

testCheck(check, {
  valid: [
    {
      name: 'two pages with no violation at WCAG 2.1 A/AA',
      evidence: audited(page('/'), page('/resultat')),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: [`${APP}/, ${APP}/resultat`, 'axe-core 4.14.1'],
        evidence: [
          { kind: 'http', subject: `${APP}/`, expected: 0, actual: 0, data: { status: 200, title: 'Estimer le prix', lang: 'fr', violations: [], screenshot: 'accessibility/page-1.png' } },
          { subject: `${APP}/resultat`, actual: 0 },
        ],
      },
    },
    {
      name: 'only a moderate violation: passes, listed for the jury',
      evidence: audited(page('/', [landmark])),
      expect: { status: 'pass', message: 'passWithMinor', includesFr: [`\`region\` (modérée, 3 éléments : h1) sur ${APP}/`, 'bloquante (grave, critique)'], evidence: [{ subject: `${APP}/`, actual: 0 }] },
    },
    {
      name: 'a team that also fails on moderate issues when the scenario asks it to, passes when there are none',
      options: { failOn: ['moderate', 'serious', 'critical'] },
      evidence: audited(page('/')),
      expect: { status: 'pass', message: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'a form whose fields have no label and a low-contrast help text',
      evidence: audited(page('/', [label, contrast]), page('/a-propos')),
      expect: {
        status: 'fail',
        message: 'violations',
        includesFr: [`\`label\` (critique, 2 éléments : #surface, #pieces) sur ${APP}/ ; \`color-contrast\` (grave, 1 élément : .aide) sur ${APP}/`, 'aucune violation grave, critique'],
        includes: [`\`label\` (critical, 2 elements: #surface, #pieces) on ${APP}/`],
        evidence: [
          { kind: 'http', subject: `${APP}/`, expected: 0, actual: 3 },
          { subject: `${APP}/a-propos`, actual: 0 },
        ],
      },
    },
    {
      name: 'a moderate violation fails when the scenario counts moderate ones',
      options: { failOn: ['moderate', 'serious', 'critical'] },
      evidence: audited(page('/', [landmark])),
      expect: { status: 'fail', message: 'violations', includesFr: ['\`region\` (modérée, 3 éléments : h1)', 'aucune violation modérée, grave, critique'], evidence: [{ subject: `${APP}/`, actual: 3 }] },
    },
    {
      name: 'nothing served: no accessibility evidence at all',
      evidence: {},
      expect: { status: 'fail', message: 'noPages', includesFr: ['rien à auditer'] },
    },
    {
      name: 'an app that serves no HTML page (an API only)',
      evidence: audited(),
      expect: { status: 'fail', message: 'noPages' },
    },
    {
      name: 'the only page never loaded',
      evidence: audited(page('/', [], { status: undefined, title: undefined, screenshot: undefined, error: { fr: 'La page ne s’est pas chargée en 30 s : net::ERR_CONNECTION_RESET', en: 'The page did not load within 30 s: net::ERR_CONNECTION_RESET' } })),
      expect: { status: 'fail', message: 'notAudited', includesFr: [`${APP}/ (La page ne s’est pas chargée en 30 s : net::ERR_CONNECTION_RESET)`], evidence: [{ subject: `${APP}/`, actual: null, expected: 0 }] },
    },
    {
      name: 'no browser on the grading machine: could not be judged, never a pass',
      evidence: { accessibility: { audited: false, reason: { fr: 'Aucun navigateur trouvé (cherché : chromium).', en: 'No browser found (looked for: chromium).' }, fix: { fr: 'Installez Chromium (sudo apt-get install -y chromium).', en: 'Install Chromium (sudo apt-get install -y chromium).' } } },
      expect: { status: 'error', message: 'noBrowser', includes: ['No browser found (looked for: chromium). Install Chromium (sudo apt-get install -y chromium).'] },
    },
  ],
});
