import { describe, expect, it } from 'vitest';
import type { RenderChartSvg } from '../../app/chart-port.ts';
import {
  buildSimulationReport,
  createSimulationRecordFixture,
  type ReportDocument,
  withEvents,
} from '../../app/simulation-report/index.ts';
import { renderReportHtml, sectionId } from './render-report-html.ts';

const fakeSvg: RenderChartSvg = (chart) =>
  `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>${chart.title.replace(/[<&]/g, '')}</text></svg>`;

const hostile = '<script>alert("pwned")</script>';
const record = withEvents(createSimulationRecordFixture(), [
  {
    kind: 'action',
    fromInterval: 3,
    toInterval: 4,
    description: `opened switch ${hostile}`,
    controller: 'kirchhoff',
  },
]);
const html = renderReportHtml(buildSimulationReport(record, fakeSvg));

/** Problems that would make the page load something or run code. */
function selfContainmentProblems(page: string): string[] {
  const problems: string[] = [];
  if (/<script\b/i.test(page)) problems.push('a script element');
  if (/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i.test(page))
    problems.push('a src or href to the network');
  if (/<link\b/i.test(page)) problems.push('a link element');
  if (/@import|url\(\s*["']?\s*(?:https?:)?\/\//i.test(page)) problems.push('a CSS fetch');
  return problems;
}

describe('renderReportHtml', () => {
  it('writes one self-contained page with inline style and a policy that forbids loads and scripts', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(selfContainmentProblems(html)).toEqual([]);
    expect(html).toContain('<style>');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
  });

  it('makes an event description with <script> inert', () => {
    expect(html).toContain('opened switch &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html).not.toContain(hostile);
  });

  it('escapes the title, headings, columns and paragraphs too', () => {
    const doc: ReportDocument = {
      title: `T ${hostile}`,
      subtitle: 'a & b',
      sections: [
        {
          heading: `H ${hostile}`,
          paragraphs: [`P ${hostile}`],
          table: { columns: [`C ${hostile}`], rows: [[{ text: `R ${hostile}`, highlight: 'better' }]] },
        },
      ],
    };
    const page = renderReportHtml(doc);
    expect(page).not.toMatch(/<script/i);
    // Title (head and h1), heading (contents and h2), paragraph, column and cell.
    expect(page.match(/&lt;script&gt;/g)).toHaveLength(7);
    expect(page).toContain('<p class="subtitle">a &amp; b</p>');
  });

  it('writes items as a bulleted list, escaped', () => {
    const page = renderReportHtml({
      title: 't',
      subtitle: 's',
      sections: [{ heading: 'h', paragraphs: ['lead:'], items: ['losses: 1 < 2', 'a & b'] }],
    });
    expect(page).toContain('<p>lead:</p>\n<ul>\n<li>losses: 1 &lt; 2</li>\n<li>a &amp; b</li>\n</ul>');
    expect(html).toMatch(
      /<h2>What Kirchhoff did not achieve<\/h2>\n<p>[^<]+<\/p>\n<ul>\n<li>cost of energy: /,
    );
  });

  it('has a table of contents whose links reach every section', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    const links = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(links).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks better and worse KPI cells by a word as well as a colour', () => {
    expect(html).toMatch(/<td class="num better">[\d.,]+<span class="mark">✓ better<\/span><\/td>/);
    expect(html).toMatch(/<td class="num worse">[\d.,]+<span class="mark">✗ worse<\/span><\/td>/);
  });

  it('inlines the charts without their XML prolog, and leaves out an SVG that would run code', () => {
    expect(html).not.toContain('<?xml');
    expect(html.match(/<figure role="img"/g)?.length).toBe(11);
    const doc: ReportDocument = {
      title: 't',
      subtitle: 's',
      sections: [
        { heading: 'h', paragraphs: [], svg: '<svg><image href="https://example.com/x.png"/></svg>' },
      ],
    };
    const page = renderReportHtml(doc);
    expect(page).toContain('Chart left out: it holds a reference to a URL.');
    expect(page).not.toContain('example.com');
  });

  it('balances its section, table and figure tags', () => {
    for (const tag of ['section', 'table', 'figure', 'tr', 'svg', 'ul', 'li'])
      expect(html.split(`<${tag}`).length, tag).toBe(html.split(`</${tag}>`).length);
  });
});

describe('sectionId', () => {
  it('is an ASCII slug numbered by position', () => {
    expect(sectionId(0, 'Dispatch, Kirchhoff')).toBe('s1-dispatch-kirchhoff');
    expect(sectionId(4, '<b>über</b>')).toBe('s5-b-ber-b');
    expect(sectionId(2, '!!!')).toBe('s3');
  });
});
