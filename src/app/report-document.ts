/**
 * The report port: what a use case asks to be published as a document (the simulation report), in
 * plain text, tables and already-rendered SVG charts, independent of any page format; a service
 * writes it out (as one self-contained HTML page). All text is plain text, never markup.
 */

/** How a cell compares with the same quantity of the other controller: shown by colour and by a word. */
export type CellHighlight = 'better' | 'worse' | undefined;

export interface ReportCell {
  readonly text: string;
  readonly highlight?: CellHighlight;
}

export interface ReportTable {
  readonly columns: readonly string[];
  /** Column alignment (numbers right); left when absent. */
  readonly align?: readonly ('left' | 'right')[];
  /** One cell per column in each row. */
  readonly rows: readonly (readonly ReportCell[])[];
}

export interface ReportSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** A bulleted list after the paragraphs. */
  readonly items?: readonly string[];
  /** A chart as a self-contained SVG document (from `RenderChartSvg`), inlined by the writer. */
  readonly svg?: string;
  readonly table?: ReportTable;
}

export interface ReportDocument {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
}
