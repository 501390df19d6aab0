/**
 * Test helpers that read the SVG this service writes: a well-formedness check (balanced tags,
 * one root), the attributes of `<path>` elements, and the subpaths of a path.
 */

/** Problems of `svg` as XML (unbalanced or stray tags); empty when it is well formed. */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  if (!svg.startsWith('<svg ')) problems.push('does not start with <svg');
  const body = svg.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const open: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)(?:\s[^<>]*?)?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (closing) {
      const top = open.pop();
      if (top !== name) problems.push(`</${name}> closes <${top ?? 'nothing'}>`);
    } else if (!selfClosing) {
      if (open.length === 0) roots++;
      open.push(name);
    }
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(' ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  if (/<(?![/!A-Za-z])/.test(body)) problems.push('a stray <');
  return problems;
}

/** Attributes of the root `<svg>` element. */
export function rootAttributes(svg: string): Record<string, string> {
  return attributes(svg.slice(0, svg.indexOf('>') + 1));
}

/** Attributes of every `<path>` element, in document order. */
export function paths(svg: string): Record<string, string>[] {
  return [...svg.matchAll(/<path\s[^>]*>/g)].map((m) => attributes(m[0]));
}

/** Paths drawn in the plot area (not legend icons, which are translated) matching every given attribute. */
export function plotPaths(svg: string, match: Record<string, string>): Record<string, string>[] {
  return paths(svg).filter((p) => !('transform' in p) && Object.entries(match).every(([k, v]) => p[k] === v));
}

/** Number of subpaths (move-to commands) of a path's `d`. */
export function countSubpaths(d: string): number {
  return (d.match(/M/g) ?? []).length;
}

/** The texts of all `<text>` elements. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\s[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}
