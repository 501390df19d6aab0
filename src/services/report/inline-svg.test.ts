import { describe, expect, it } from 'vitest';
import { admitSvg } from './inline-svg.ts';

describe('admitSvg', () => {
  it('admits a static drawing with local references, without its prolog', () => {
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><path clip-path="url(#c)"/><use href="#a"/></svg>\n';
    expect(admitSvg(svg)).toEqual({ ok: true, svg: svg.slice(svg.indexOf('<svg')).trimEnd() });
  });

  it('refuses scripts, handlers, foreign objects and URLs', () => {
    const refused = (svg: string) => (admitSvg(svg) as { reason?: string }).reason;
    expect(refused('<svg><script>x()</script></svg>')).toBe('it holds a script');
    expect(refused('<svg><rect onload="x()"/></svg>')).toBe('it holds an event handler attribute');
    expect(refused('<svg><foreignObject/></svg>')).toBe('it holds a foreignObject');
    expect(refused('<svg><image xlink:href="http://example.com/a.png"/></svg>')).toBe(
      'it holds a reference to a URL',
    );
    expect(refused('<svg><rect style="fill:url(https://example.com/p)"/></svg>')).toBe(
      'it holds a reference to a URL',
    );
    expect(refused('<svg><a href="javascript:x()">a</a></svg>')).toBe('it holds a reference to a URL');
    expect(refused('<html></html>')).toBe('it is not an SVG document');
  });

  it('does not mistake chart text for markup', () => {
    expect(admitSvg('<svg><text>switch on=closed, see https://example.com</text></svg>').ok).toBe(true);
  });
});
