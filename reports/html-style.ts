/**
 * The HTML report's only style sheet, inlined so the file works offline and attached to an e-mail.
 * Colours meet WCAG AA contrast on white; every status also carries its word, so colour is never the only cue.
 * Print: A4 with margins, a running header and footer (`pageStyle`), rows and pictures never split across
 * pages, long tokens (paths, hashes, SQL) wrapped rather than clipped.
 */
export const HTML_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem;break-after:avoid}h3{font-size:1.05rem;margin:1.4rem 0 .3rem;break-after:avoid}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;min-width:0}
table{border-collapse:collapse;width:100%;table-layout:auto}caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{border:1px solid #c8c8c8;padding:.45rem .6rem;vertical-align:top;text-align:left;overflow-wrap:break-word}td,th code{overflow-wrap:anywhere}.nowrap{white-space:nowrap}thead th{background:#f0f0f0}
thead{display:table-header-group}tr,figure,.thumbnail,.verdict-head,.signed{break-inside:avoid}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-weight:600;color:#fff;white-space:nowrap}
.badge-pass{background:#1e6b34}.badge-fail{background:#a4161a}.badge-warn{background:#8a5300}.badge-skip{background:#595959}.badge-error{background:#6a1b9a}
.competency-acquis{background:#1e6b34}.competency-non-acquis{background:#a4161a}.competency-a-verifier{background:#8a5300}
.outcome{font-size:1.1rem}.outcome-pass{color:#1e6b34}.outcome-fail,.outcome-error{color:#a4161a}
.notice{border-left:4px solid #8a5300;background:#fff7e6;padding:.5rem .8rem}
.evidence{font-size:.92rem}.evidence td,.evidence th{padding:.3rem .45rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em;overflow-wrap:break-word}
dd,dd code{overflow-wrap:anywhere}
a{color:#0b4f9c}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}
svg.picture{display:block;max-width:100%;height:auto;margin:.3rem 0}
.thumbnails{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.8rem}.thumbnail p{font-size:.9rem;margin:.2rem 0}
.photos{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(20rem,100%),1fr));gap:1rem}.photo{break-inside:avoid;min-width:0}.photo img{display:block;box-sizing:border-box;max-width:100%;height:auto;border:1px solid #c8c8c8}.photo p{font-size:.9rem;margin:.3rem 0;overflow-wrap:anywhere}.dimensions{color:#4a4a4a;font-size:.85rem}
.jury td.write{height:4.5rem}.signatures td.write{height:3rem}.tick{text-align:center;width:6rem}.tick input{width:1.1rem;height:1.1rem}
.signed{display:flex;flex-wrap:wrap;gap:2rem;margin-top:1rem}
@media print{body{margin:0;max-width:none;padding:0;font-size:10.5pt}.badge{color:#000;border:1px solid #000;background:none}a{color:inherit}h2{margin-top:1.2rem}.jury-section{break-before:page}}
`;

/**
 * The page box for print: A4 with margins and a running header (team, date) and footer (page n / m), through
 * CSS margin boxes (Chromium prints them since version 131). Strings are CSS-escaped: a team name cannot end
 * the string or the style sheet.
 */
export function pageStyle(left: string, right: string): string {
  return `@page{size:A4;margin:18mm 14mm 18mm 14mm;@top-left{content:${cssString(left)};font-size:8pt;color:#444}@top-right{content:${cssString(right)};font-size:8pt;color:#444}@bottom-right{content:"Page " counter(page) " / " counter(pages);font-size:8pt;color:#444}}`;
}

/** A CSS string literal: every character outside a small safe set written as a hex escape. */
export function cssString(text: string): string {
  const cut = text.length > 90 ? `${text.slice(0, 89)}…` : text;
  return `"${[...cut].map((char) => (/[A-Za-z0-9 ,.()_-]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('')}"`;
}
