/**
 * The HTML report's only style sheet, inlined so the file works offline and attached to an e-mail.
 * Colours meet WCAG AA contrast on white; every status also carries its word, so colour is never the only cue.
 */
export const HTML_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{border:1px solid #c8c8c8;padding:.45rem .6rem;vertical-align:top;text-align:left}thead th{background:#f0f0f0}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-weight:600;color:#fff;white-space:nowrap}
.badge-pass{background:#1e6b34}.badge-fail{background:#a4161a}.badge-warn{background:#8a5300}.badge-skip{background:#595959}.badge-error{background:#6a1b9a}
.competency-acquis{background:#1e6b34}.competency-non-acquis{background:#a4161a}.competency-a-verifier{background:#8a5300}
.outcome{font-size:1.1rem}.outcome-pass{color:#1e6b34}.outcome-fail,.outcome-error{color:#a4161a}
.notice{border-left:4px solid #8a5300;background:#fff7e6;padding:.5rem .8rem}
.evidence{margin:.4rem 0 0;padding-left:1.1rem;font-size:.92rem;color:#333}
.manual{list-style:none;padding-left:0}.manual li{margin:.3rem 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
@media print{body{margin:0}.badge{color:#000;border:1px solid #000;background:none}}
`;
