/**
 * The report page's one stylesheet, inlined: system fonts only (nothing fetched), a readable
 * column, tables with tabular figures, better/worse cells marked by colour and by a word, and
 * print rules (A4, no figure or table row split across pages, colours kept).
 */
export const REPORT_CSS = `
:root { color-scheme: light; --text: #222; --muted: #555; --rule: #d0d0d0; --better: #dff1e4; --better-edge: #1b7f3b; --worse: #fbe3dc; --worse-edge: #b23a12; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1040px; padding: 24px 32px 48px; color: var(--text); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7em; margin: 0.2em 0; }
h2 { font-size: 1.25em; margin: 2em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--rule); }
.subtitle { color: var(--muted); margin-top: 0; }
nav.toc { border: 1px solid var(--rule); padding: 8px 20px; margin: 16px 0 8px; }
nav.toc h2 { margin: 0.4em 0; border: 0; font-size: 1.05em; }
nav.toc ol { margin: 0; padding-left: 1.4em; columns: 2; column-gap: 32px; }
a { color: #0b5394; }
figure { margin: 12px 0; }
figure svg { display: block; max-width: 100%; height: auto; }
.missing-chart { color: var(--worse-edge); font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-variant-numeric: tabular-nums; font-size: 0.93em; }
th, td { border: 1px solid var(--rule); padding: 4px 8px; vertical-align: top; text-align: left; }
thead th { background: #f2f2f2; }
tbody tr:nth-child(even) { background: #fafafa; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
tbody th[scope="row"] { min-width: 11em; }
td.better { background: var(--better); box-shadow: inset 3px 0 0 var(--better-edge); }
td.worse { background: var(--worse); box-shadow: inset 3px 0 0 var(--worse-edge); }
.mark { font-size: 0.85em; font-weight: 600; margin-left: 0.4em; }
td.better .mark { color: var(--better-edge); }
td.worse .mark { color: var(--worse-edge); }
footer { margin-top: 32px; color: var(--muted); font-size: 0.85em; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  table { font-size: 8.5pt; }
  th, td { padding: 2px 5px; }
  tbody th[scope="row"] { min-width: 9em; }
  thead { display: table-header-group; }
}
`;
