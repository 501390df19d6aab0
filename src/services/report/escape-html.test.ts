import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.ts';

describe('escapeHtml', () => {
  it('turns markup characters into references', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(escapeHtml(`a & b's "c"`)).toBe('a &amp; b&#39;s &quot;c&quot;');
  });

  it('escapes an ampersand once, so references in the text stay visible as text', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('leaves other text, including non-ASCII, as it is', () => {
    expect(escapeHtml('CO2 −26 % über 0.95 p.u.')).toBe('CO2 −26 % über 0.95 p.u.');
    expect(escapeHtml('')).toBe('');
  });

  it('leaves no character that could open a tag or end an attribute', () => {
    const nasty = `"><img src=x onerror=alert(1)>'</td><script>`;
    expect(escapeHtml(nasty)).not.toMatch(/[<>"']/);
  });
});
