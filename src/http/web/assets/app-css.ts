/** /assets/app.css — the form's looks. System fonts only (the service runs offline). */
export const APP_CSS = String.raw`/* whydenied web form */
:root {
  --ink: #1f2328;
  --ink-2: #424a53;
  --muted: #57606a;
  --line: #d0d7de;
  --bg: #f6f8fa;
  --card: #ffffff;
  --accent: #0b57b3;
  --accent-ink: #ffffff;
  --accent-dark: #083f82;
  --focus: #0b57b3;
  --code-bg: #f3f5f7;
  --radius: 10px;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink);
  background: var(--bg);
}
code, pre, textarea, input, select { font-family: var(--mono); }
code { font-size: 0.92em; overflow-wrap: anywhere; }
a { color: var(--accent); }
a:hover { color: var(--accent-dark); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.skip-link {
  position: absolute; left: 12px; top: -60px; z-index: 10;
  background: var(--accent); color: var(--accent-ink); padding: 8px 14px; border-radius: 6px; text-decoration: none;
}
.skip-link:focus { top: 12px; color: var(--accent-ink); }
.wrap { max-width: 1440px; margin: 0 auto; padding: 0 24px; }

header.site { background: #0d1b2a; color: #f0f3f6; }
header.site .wrap { display: flex; align-items: baseline; gap: 24px; flex-wrap: wrap; padding-top: 12px; padding-bottom: 12px; }
.brand { margin: 0; font-size: 20px; font-weight: 700; letter-spacing: -0.01em; display: flex; align-items: center; gap: 10px; }
.brand img { align-self: center; }
.tagline { margin: 0; color: #c9d1d9; font-size: 14px; }
.tagline code { color: #ffffff; }

.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 24px; padding-top: 24px; padding-bottom: 40px; }
@media (min-width: 1100px) {
  .layout { grid-template-columns: minmax(380px, 460px) minmax(0, 1fr); align-items: start; }
}
main:focus { outline: none; }
h1 { font-size: 22px; margin: 0 0 14px; letter-spacing: -0.01em; }
h2 { font-size: 17px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 0; }
h4 { font-size: 13px; margin: 14px 0 6px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ink-2); }

/* form */
.explain-form { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 18px; }
.group { margin: 0 0 18px; }
fieldset.group { border: 0; padding: 0; min-width: 0; }
legend, .big-label, .facts summary { font-weight: 650; font-size: 15px; padding: 0; }
label { display: block; font-weight: 600; font-size: 13.5px; margin: 0 0 4px; }
.hint { margin: 2px 0 8px; color: var(--muted); font-size: 13px; }
.muted { color: var(--muted); font-weight: 400; }
textarea, input[type="text"], input[type="number"], select {
  width: 100%; font-size: 13px; color: var(--ink); background: #ffffff;
  border: 1px solid #8c959f; border-radius: 6px; padding: 8px 10px;
}
textarea { resize: vertical; line-height: 1.45; }
#message { min-height: 180px; }
select { font-family: inherit; font-size: 13.5px; padding: 6px 8px; }
textarea:focus, input:focus, select:focus { border-color: var(--focus); }
.policy-row { border: 1px solid var(--line); border-radius: 8px; padding: 10px; margin: 0 0 10px; background: var(--bg); }
.policy-row-head { display: grid; grid-template-columns: auto minmax(0, 1fr) auto; align-items: center; gap: 8px; margin-bottom: 8px; }
.policy-row-head label { margin: 0; white-space: nowrap; }
.policy-row textarea { font-size: 12.5px; }
.facts summary { cursor: pointer; margin-bottom: 10px; }
.facts-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px 12px; margin-bottom: 10px; }
.facts-grid label { font-size: 12.5px; }
@media (max-width: 520px) {
  .facts-grid { grid-template-columns: minmax(0, 1fr); }
  .wrap { padding: 0 12px; }
  .card, .explain-form { padding: 14px 12px; }
  dl.parsed { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dl.parsed dd { margin-bottom: 8px; }
}
.actions { display: flex; align-items: center; gap: 14px; }
button {
  font: inherit; font-weight: 600; cursor: pointer; border-radius: 6px; padding: 9px 18px;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink);
}
button:hover { background: var(--accent-dark); border-color: var(--accent-dark); }
button:disabled { opacity: 0.6; cursor: progress; }
button.secondary { background: #ffffff; color: var(--accent); padding: 5px 12px; font-size: 13px; }
button.secondary:hover { background: #eef4fc; color: var(--accent-dark); }
button[hidden] { display: none; }
#submit { padding: 10px 28px; font-size: 15px; }
.status { color: var(--ink-2); font-size: 13.5px; }
.example-link { font-size: 13.5px; }

/* answer */
.answer-pane:focus { outline: none; }
.placeholder { border: 2px dashed var(--line); border-radius: var(--radius); padding: 32px; color: var(--muted); background: #ffffff; }
.answer-title { font-size: 22px; margin: 0 0 14px; }
.answer-title:focus { outline: none; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 16px 18px; margin: 0 0 16px; }
.card > :last-child { margin-bottom: 0; }
.notice { margin: 0; padding: 10px 12px; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; }
.errors { border-color: #cf222e; background: #fff5f5; }
.errors ul { margin: 0; padding-left: 20px; }
.warnings { border-color: #d4a72c; background: #fffbea; }
.warnings ul { margin: 0; padding-left: 20px; }
.summary { border-color: #9ec1ef; background: #f5f9ff; }
.summary .lead { margin: 0 0 8px; font-size: 16px; }
.summary .lead .badge { margin-left: 6px; vertical-align: 1px; }
.summary .sub { margin: 6px 0 4px; }

dl.parsed { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 18px; margin: 0; }
dl.parsed .field { display: contents; }
dl.parsed dt { font-weight: 600; color: var(--ink-2); font-size: 13.5px; }
dl.parsed dd { margin: 0; }
.tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; background: #eaeef2; color: var(--ink-2); }

.picture { margin: 0; container-type: inline-size; }
.picture svg { display: block; width: 100%; height: auto; }
/* Side by side when there is room, one above the other when not (browsers without container
   queries keep the wide picture). */
.picture-tall { display: none; }
.picture-tall svg { max-width: 520px; margin: 0 auto; }
@container (max-width: 700px) {
  .picture-wide { display: none; }
  .picture-tall { display: block; }
}
.picture figcaption { margin-top: 8px; font-size: 13px; color: var(--muted); }

.answer-body { overflow-wrap: anywhere; }
.causes { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; }
.cause { border: 1px solid var(--line); border-left: 5px solid #8c959f; border-radius: 8px; padding: 12px 14px; background: #ffffff; }
.cause-confirmed { border-left-color: #cf222e; }
.cause-likely { border-left-color: #bc4c00; }
.cause-possible { border-left-color: #9a6700; }
.cause-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 12px; }
.cause-head .rank { color: var(--muted); }
.cause-meta { margin: 4px 0 0; font-size: 12.5px; color: var(--muted); display: flex; gap: 12px; flex-wrap: wrap; }
.cause p { margin: 6px 0; }
.cause .sub, .sub { font-size: 13.5px; color: var(--ink-2); }
.evidence { margin: 0; padding-left: 20px; }
.evidence li { margin: 2px 0; }
.docs { font-size: 13px; }
details.closed { margin-top: 14px; }
details > summary { cursor: pointer; font-weight: 600; }
details.closed > summary { margin-bottom: 10px; color: var(--ink-2); }

.badge { display: inline-block; white-space: nowrap; font-size: 12.5px; font-weight: 700; padding: 2px 10px; border-radius: 999px; border: 1px solid transparent; }
.status-confirmed { background: #ffebe9; color: #8c1021; border-color: #ff8182; }
.status-likely { background: #fff1e5; color: #8a3500; border-color: #fb8f44; }
.status-possible { background: #fff8c5; color: #6b4700; border-color: #d4a72c; }
.status-unlikely, .status-ruled-out { background: #f6f8fa; color: #424a53; border-color: #d0d7de; }
.verdict-allow { background: #dafbe1; color: #0f5323; border-color: #4ac26b; }
.verdict-explicit-deny, .verdict-implicit-deny { background: #ffebe9; color: #8c1021; border-color: #ff8182; }
.verdict-unknown { background: #fff8c5; color: #6b4700; border-color: #d4a72c; }
.verdict-not-applicable, .verdict-invalid { background: #f6f8fa; color: #424a53; border-color: #d0d7de; }

.steps { margin: 0; padding-left: 22px; }
.steps li { margin: 0 0 8px; }
.steps li p { margin: 0 0 4px; }
.code { position: relative; margin: 6px 0 10px; }
.code pre {
  margin: 0; padding: 10px 12px; padding-right: 76px; background: var(--code-bg); border: 1px solid var(--line);
  border-radius: 6px; overflow-x: auto; font-size: 12.5px; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere;
}
.code pre code { font-size: inherit; }
.code .copy { position: absolute; top: 6px; right: 6px; padding: 3px 10px; font-size: 12px; background: #ffffff; color: var(--accent); }
.code .copy:hover { background: #eef4fc; color: var(--accent-dark); }
.code .copy.copied { background: #dafbe1; color: #0f5323; border-color: #1a7f37; }

.policies { margin: 0; padding-left: 20px; }
.policy-report { margin: 0 0 10px; }
.policy-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.issues, .statements, .trail { margin: 6px 0; padding-left: 20px; font-size: 13.5px; }
.decision-line { margin-top: 0; }

footer.site { color: var(--muted); font-size: 13px; padding: 16px 0 32px; border-top: 1px solid var(--line); }
`;
