import escapeHtml from 'escape-html';
import { type Lang, pick } from '../runner/i18n.js';
import type { RunReport } from './report.js';

const e = (text: string | number) => escapeHtml(String(text));

const WORDS = {
  fr: { title: 'Grille du jury', caption: 'Critères évalués par le jury (à remplir)', criterion: 'Critère', item: 'Point à évaluer', acquis: 'Acquis', nonAcquis: 'Non acquis', observations: 'Observations', signature: 'Signatures du jury', member: 'Membre du jury', sign: 'Signature', date: 'Date', place: 'Lieu', names: 'Nom et prénom', none: 'Aucun critère manuel dans ce scénario : le jury signe la lecture du rapport.' },
  en: { title: 'Jury grid', caption: 'Criteria the jury assesses (to fill in)', criterion: 'Criterion', item: 'To assess', acquis: 'Achieved', nonAcquis: 'Not achieved', observations: 'Observations', signature: 'Jury signatures', member: 'Jury member', sign: 'Signature', date: 'Date', place: 'Place', names: 'Full name', none: 'No manual criterion in this scenario: the jury signs for reading the report.' },
} as const;

/** Rows left for the jury's names and signatures: a jury of an MSPR has two or three members. */
const SIGNATURE_ROWS = 3;

/**
 * The part of the report a jury fills in by hand: each manual criterion with boxes to tick (acquis, non acquis)
 * and room for observations, then the signature block. The boxes are real checkboxes (usable on screen, printed
 * as empty squares), each named for the criterion it is about.
 */
export function juryGrid(report: RunReport, lang: Lang): string {
  const w = WORDS[lang];
  const rows = report.manual.map((item, index) => {
    const label = pick(item.label, lang);
    const codes = item.criteria.map((ref) => ref.slice(ref.indexOf(':') + 1)).join(', ');
    return `<tr><th scope="row">${e(codes)}</th><td>${e(label)}</td><td class="tick"><input type="checkbox" id="jury-${index}-yes" aria-label="${e(`${w.acquis} — ${codes}`)}"></td><td class="tick"><input type="checkbox" id="jury-${index}-no" aria-label="${e(`${w.nonAcquis} — ${codes}`)}"></td><td class="write"></td></tr>`;
  });
  const grid = rows.length
    ? `<table class="jury"><caption>${w.caption}</caption><thead><tr><th scope="col">${w.criterion}</th><th scope="col">${w.item}</th><th scope="col">${w.acquis}</th><th scope="col">${w.nonAcquis}</th><th scope="col">${w.observations}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p>${w.none}</p>`;
  const people = Array.from({ length: SIGNATURE_ROWS }, (_, i) => `<tr><th scope="row">${w.member} ${i + 1}</th><td class="write"></td><td class="write"></td></tr>`).join('');
  const signatures = `<table class="signatures"><caption>${w.signature}</caption><thead><tr><th scope="col">${w.member}</th><th scope="col">${w.names}</th><th scope="col">${w.sign}</th></tr></thead><tbody>${people}</tbody></table><p class="signed"><span>${w.date}${lang === 'fr' ? ' : ' : ': '}____________________</span> <span>${w.place}${lang === 'fr' ? ' : ' : ': '}____________________</span></p>`;
  return `<section aria-labelledby="jury" class="jury-section"><h2 id="jury">${w.title}</h2>${grid}${signatures}</section>`;
}
