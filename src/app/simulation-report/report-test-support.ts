/** Test helpers: a chart renderer that records what it was asked to draw, and lookups in a report. */
import type { Chart, RenderChartSvg } from '../chart-port.ts';
import type { ReportDocument, ReportSection } from '../report-document.ts';

export function createRecordingRenderer(): { render: RenderChartSvg; charts: Chart[] } {
  const charts: Chart[] = [];
  const render: RenderChartSvg = (chart) => {
    charts.push(chart);
    return `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${charts.length - 1}"></svg>`;
  };
  return { render, charts };
}

export function findSection(doc: ReportDocument, heading: string): ReportSection {
  const section = doc.sections.find((s) => s.heading === heading);
  if (!section)
    throw new Error(`no section '${heading}' in ${doc.sections.map((s) => s.heading).join(', ')}`);
  return section;
}

/** The texts of the KPI table's row whose first cell is `label`. */
export function kpiRow(doc: ReportDocument, label: string) {
  const row = findSection(doc, 'Key performance indicators').table!.rows.find((r) => r[0].text === label);
  if (!row) throw new Error(`no KPI row '${label}'`);
  return row;
}

/** Records of an RFC 4180 text (quoted fields, doubled quotes, CRLF), for reading the CSV back. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
