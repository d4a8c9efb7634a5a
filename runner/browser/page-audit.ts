import type { Localized } from '../i18n.js';

/** WCAG levels the audit holds pages to: the criterion says WCAG 2.1 A/AA (RGAA 4 follows it). */
export const AUDIT_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** axe-core's impact of a violation; `serious` and `critical` fail the criterion. */
export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

/** One element of a page that breaks a rule, as axe-core names it (candidate-controlled text, capped). */
export interface ViolationNode {
  /** CSS selector of the element (axe's `target`). */
  selector: string;
  /** The element's opening HTML, capped. */
  html: string;
  /** axe's own English summary of what to fix, capped (the rule's help is the localized part). */
  summary?: string;
}

/** One broken rule on one page. */
export interface PageViolation {
  /** axe rule id: `label`, `color-contrast`, `image-alt`… */
  rule: string;
  impact: Impact | null;
  /** axe's one-line description of the rule (English, from axe-core). */
  help: string;
  /** WCAG success criteria tags of the rule (`wcag143`…), for the jury's RGAA mapping. */
  wcag: string[];
  /** How many elements break it; `nodes` keeps the first few. */
  count: number;
  nodes: ViolationNode[];
}

/** What the audit found on one page of the team's app. */
export interface PageAudit {
  url: string;
  /** HTTP status of the page's main response, when it loaded. */
  status?: number;
  title?: string;
  /** The document's `lang` attribute (empty when absent). */
  lang?: string;
  violations: PageViolation[];
  /** Requests the page made to other hosts, refused (the audit never leaves the app). */
  blockedRequests: number;
  /** The origins those requests went to, first few (a tracker, a CDN: the page may look different online). */
  blockedOrigins: string[];
  /** The viewport screenshot, relative to the run's evidence folder, kept for the report. */
  screenshot?: string;
  /** Set when the page could not be audited (did not load, axe did not finish in time). */
  error?: Localized;
}

/** The accessibility evidence of a run: the pages audited, or why no browser could audit them. */
export type AccessibilityEvidence =
  | { audited: true; browser: string; axeVersion: string; pages: PageAudit[] }
  | { audited: false; reason: Localized; fix: Localized };
