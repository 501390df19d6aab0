/**
 * The report as one self-contained HTML page: inline CSS, the charts' SVG inlined, nothing
 * fetched (a Content-Security-Policy forbids every load and every script), a table of contents,
 * tables whose better/worse cells carry a word as well as a colour, and all text escaped.
 */
import type {
  ReportCell,
  ReportDocument,
  ReportSection,
  ReportTable,
} from '../../app/simulation-report/index.ts';
import { escapeHtml } from './escape-html.ts';
import { admitSvg } from './inline-svg.ts';
import { REPORT_CSS } from './report-style.ts';

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const MARKS = { better: '\u2713 better', worse: '\u2717 worse' } as const;

/** An id for the section's anchor: its number and an ASCII slug of its heading. */
export function sectionId(index: number, heading: string): string {
  const slug = heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  return `s${index + 1}${slug ? `-${slug}` : ''}`;
}

function renderCell(cell: ReportCell, align: 'left' | 'right', header: boolean): string {
  const classes = [align === 'right' ? 'num' : '', cell.highlight ?? ''].filter(Boolean);
  const classAttr = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  const mark = cell.highlight ? `<span class="mark">${MARKS[cell.highlight]}</span>` : '';
  const tag = header ? 'th scope="row"' : 'td';
  return `<${tag}${classAttr}>${escapeHtml(cell.text)}${mark}</${header ? 'th' : 'td'}>`;
}

export function renderTable(table: ReportTable): string {
  const align = (i: number): 'left' | 'right' => table.align?.[i] ?? 'left';
  const head = table.columns
    .map((c, i) => `<th scope="col"${align(i) === 'right' ? ' class="num"' : ''}>${escapeHtml(c)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell, i) => renderCell(cell, align(i), i === 0)).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function renderSection(section: ReportSection, index: number): string {
  const parts = [
    `<section id="${sectionId(index, section.heading)}">`,
    `<h2>${escapeHtml(section.heading)}</h2>`,
  ];
  for (const p of section.paragraphs) parts.push(`<p>${escapeHtml(p)}</p>`);
  if (section.items && section.items.length > 0)
    parts.push(`<ul>\n${section.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`);
  if (section.svg !== undefined) {
    const admitted = admitSvg(section.svg);
    parts.push(
      admitted.ok
        ? `<figure role="img" aria-label="${escapeHtml(section.heading)}">\n${admitted.svg}\n</figure>`
        : `<p class="missing-chart">Chart left out: ${escapeHtml(admitted.reason)}.</p>`,
    );
  }
  if (section.table) parts.push(renderTable(section.table));
  parts.push('</section>');
  return parts.join('\n');
}

function renderToc(sections: readonly ReportSection[]): string {
  const items = sections
    .map((s, i) => `<li><a href="#${sectionId(i, s.heading)}">${escapeHtml(s.heading)}</a></li>`)
    .join('\n');
  return `<nav class="toc" aria-label="Contents">\n<h2>Contents</h2>\n<ol>\n${items}\n</ol>\n</nav>`;
}

/** The whole page, as text. */
export function renderReportHtml(doc: ReportDocument): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    '</header>',
    renderToc(doc.sections),
    '<main>',
    ...doc.sections.map(renderSection),
    '</main>',
    '<footer>Written by Kirchhoff. A self-contained page: the charts are inline SVG and nothing is loaded from the network.</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
