/**
 * Report pages: a `ReportDocument` of the app (the simulation report) written as one
 * self-contained, printable HTML page with its charts inlined.
 */
export { escapeHtml } from './escape-html.ts';
export { renderReportHtml } from './render-report-html.ts';
