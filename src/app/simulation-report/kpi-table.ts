/**
 * The KPI table of the report: one row per KPI, the controllers side by side (Kirchhoff first),
 * the difference, and which one did better, with the better value highlighted 'better' and the
 * other 'worse'.
 */
import type { ReportCell, ReportTable } from '../report-document.ts';
import { controllerTitle, describeDifference, type KpiComparison, type KpiVerdict } from './compare-kpis.ts';

const VERDICT_TEXT: Readonly<Record<KpiVerdict, string>> = {
  kirchhoff: 'Kirchhoff',
  baseline: 'baseline',
  equal: 'equal',
  'no direction': 'neither (context)',
  'not compared': 'not compared (value missing)',
};

function valueCell(text: string, winner: boolean, judged: boolean): ReportCell {
  return judged ? { text, highlight: winner ? 'better' : 'worse' } : { text };
}

export function buildKpiTable(comparisons: readonly KpiComparison[]): ReportTable {
  const controllers = comparisons[0]?.values.map((v) => v.controller) ?? [];
  const compared = comparisons.some((c) => c.verdict !== undefined);
  const columns = ['KPI', 'unit', ...controllers.map(controllerTitle)];
  if (compared) columns.push('difference', 'better');
  const rows = comparisons.map((c): ReportCell[] => {
    const judged = c.verdict === 'kirchhoff' || c.verdict === 'baseline';
    const cells: ReportCell[] = [
      { text: c.row.label },
      { text: c.row.unit },
      ...c.values.map((v) => valueCell(v.text, v.controller === c.verdict, judged)),
    ];
    if (c.verdict !== undefined) {
      const k = c.values.find((v) => v.controller === 'kirchhoff')!;
      const b = c.values.find((v) => v.controller === 'baseline')!;
      cells.push({ text: describeDifference(c.row, k.value, b.value) }, { text: VERDICT_TEXT[c.verdict] });
    }
    return cells;
  });
  return {
    columns,
    align: columns.map((_, i) => (i >= 2 && i < columns.length - (compared ? 1 : 0) ? 'right' : 'left')),
    rows,
  };
}
