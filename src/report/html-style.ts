// The HTML report's stylesheet, inlined so the file needs nothing from the network.

export const CSS = `
:root { --ink: #1d2433; --muted: #5b6477; --line: #d9dee8; --bg: #f6f7fa; --card: #fff;
  --fail: #b42318; --fail-bg: #fef3f2; --pass: #067647; --pass-bg: #ecfdf3; --skip: #93610b; --skip-bg: #fffaeb;
  --accent: #3538cd; --code-bg: #f2f4f7; --focus-bg: #fff1c2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
code, pre, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
h3 { font-size: 15px; margin: 0; }
.meta { color: var(--muted); margin: 0 0 20px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 14px; margin-bottom: 28px; }
.card { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 8px; padding: 14px 16px; }
.card.fail, .card.error { border-left-color: var(--fail); } .card.pass { border-left-color: var(--pass); } .card.skip { border-left-color: var(--skip); }
.card .count { font-size: 30px; font-weight: 700; line-height: 1.1; margin: 6px 0 2px; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; letter-spacing: .04em; border-radius: 4px; padding: 1px 7px; }
.badge.fail, .badge.error { color: var(--fail); background: var(--fail-bg); border: 1px solid #fecdca; }
.badge.pass { color: var(--pass); background: var(--pass-bg); border: 1px solid #abefc6; }
.badge.skip, .badge.excluded, .badge.suppressed { color: var(--skip); background: var(--skip-bg); border: 1px solid #fedf89; }
.sev { color: var(--muted); font-weight: 400; font-size: 13px; }
section.check { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-bottom: 24px; }
.summary-line { margin: 6px 0 14px; }
h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 22px 0 8px; }
article.path { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 10px 0; }
article.path.fail { border-color: #fecdca; }
.why { color: var(--muted); margin: 2px 0 10px; }
ol.chain { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; align-items: stretch; gap: 6px; }
ol.chain li.hop { display: flex; align-items: center; gap: 6px; }
ol.chain .arrow { color: var(--muted); font-size: 18px; }
.step { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; background: #fafbfc; max-width: 320px; align-self: stretch; }
.step .label { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.step .text { display: block; font-weight: 600; overflow-wrap: anywhere; }
.step .loc { display: block; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.step.entry { border-color: #c7d7fe; background: #f5f8ff; }
.step.payment { border-color: #d0d5dd; background: #f9fafb; }
.step.evidence { border-color: #abefc6; background: var(--pass-bg); }
.step.missing, .step.late-write { border: 2px dashed var(--fail); background: var(--fail-bg); }
.step.missing .text, .step.late-write .text { color: var(--fail); }
.facts { margin: 6px 0; color: var(--muted); font-size: 14px; }
.warning { color: var(--skip); }
figure { margin: 10px 0 0; }
figcaption { font-size: 12px; color: var(--muted); margin-bottom: 3px; }
pre { margin: 0; background: var(--code-bg); border-radius: 6px; padding: 8px 0; overflow-x: auto; }
pre .ln { display: block; padding: 0 12px; white-space: pre; }
pre .ln.focus { background: var(--focus-bg); }
pre .no { display: inline-block; min-width: 3.2em; color: #98a2b3; user-select: none; }
.remediation pre { padding: 8px 12px; white-space: pre-wrap; }
details > summary { cursor: pointer; color: var(--accent); margin: 10px 0; }
table.diags { border-collapse: collapse; width: 100%; font-size: 13px; }
table.diags td { border-top: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
footer { max-width: 1100px; margin: 0 auto; padding: 0 24px 40px; color: var(--muted); font-size: 13px; }
`;
