/**
 * Admission of a chart's SVG into the page. The SVG comes rendered from the chart port, so it is
 * trusted to be a static drawing, but it is checked before inlining: the XML prolog is dropped,
 * and an SVG that would run code or fetch anything (a script, an event handler attribute, a
 * foreignObject, a reference to a URL) is refused rather than inlined.
 */

export type InlineSvg =
  | { readonly ok: true; readonly svg: string }
  | { readonly ok: false; readonly reason: string };

const FORBIDDEN: readonly [RegExp, string][] = [
  [/<script\b/i, 'a script'],
  [/<foreignObject\b/i, 'a foreignObject'],
  // Inside tags only: the text of a chart is escaped, so '<' opens nothing but a tag.
  [/<[^>]*\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/<[^>]*\b(?:href|src)\s*=\s*["']?\s*(?!#)[a-z][a-z0-9+.-]*:/i, 'a reference to a URL'],
  [/url\(\s*["']?\s*(?!#)[a-z][a-z0-9+.-]*:/i, 'a reference to a URL'],
  [/@import\b/i, 'a style import'],
];

/** The SVG element of `svg`, ready to inline, or why it may not be. */
export function admitSvg(svg: string): InlineSvg {
  const body = svg.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?/i, '');
  if (!body.startsWith('<svg')) return { ok: false, reason: 'it is not an SVG document' };
  for (const [pattern, what] of FORBIDDEN)
    if (pattern.test(body)) return { ok: false, reason: `it holds ${what}` };
  return { ok: true, svg: body.trimEnd() };
}
