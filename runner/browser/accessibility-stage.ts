import type { CheckUse } from '../../scenarios/scenario.js';
import { t } from '../i18n.js';
import { countOf } from '../i18n/format.js';
import type { ProgressListener } from '../progress.js';
import { auditPages, pagesToAudit } from './audit-pages.js';
import type { AccessibilityEvidence } from './page-audit.js';

/** The accessibility audit as the serve stage runs it: a `whileUp` callback, and what it found afterwards. */
export interface AccessibilityStage {
  /** Undefined when the scenario does not use http/accessible: no browser is started for nothing. */
  whileUp?: (app: { baseUrl: string; htmlPages: string[] }) => Promise<void>;
  result(): AccessibilityEvidence | undefined;
}

/**
 * Audits the served pages while the team's app is up, only when the scenario asks for http/accessible (Chromium
 * costs seconds and memory). Screenshots go to a grader-owned folder of the run, never the candidate's workspace.
 */
export function accessibilityStage(checks: readonly CheckUse[], runDir: string, screenshotsDir: string, onProgress: ProgressListener): AccessibilityStage {
  if (!checks.some((use) => use.use === 'http/accessible')) return { result: () => undefined };
  let found: AccessibilityEvidence | undefined;
  return {
    async whileUp(app) {
      const pages = pagesToAudit(app.htmlPages);
      if (pages.length === 0) {
        found = { audited: true, browser: '', axeVersion: '', pages: [] };
        return;
      }
      onProgress({ type: 'phase', text: t(`Audit d’accessibilité (axe-core) de ${countOf(pages.length, 'fr', 'page', 'pages')}`, `Accessibility audit (axe-core) of ${countOf(pages.length, 'en', 'page', 'pages')}`) });
      found = await auditPages(pages, { screenshotsDir, relativeTo: runDir });
    },
    result: () => found,
  };
}
