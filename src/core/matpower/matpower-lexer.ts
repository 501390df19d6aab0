/**
 * Hand-written lexer for the MATLAB subset used by MATPOWER case files. It walks the text with charCodeAt,
 * skips blanks, `%`/`#` comments, `%{ ... %}` blocks and `...` continuations, counts lines, and reads
 * numbers exactly: a fast path for at most 15 digits and a power of ten up to 1e22 (Clinger 1990, one
 * correctly rounded multiply or divide), `Number()` otherwise.
 */

export type TokenKind = 'number' | 'name' | 'string' | 'op' | 'newline' | 'eof' | 'error';

export interface Token {
  readonly kind: TokenKind;
  /** Operator or name text, string contents, or the message of an `error` token. */
  readonly text: string;
  readonly value: number;
  readonly start: number;
  readonly end: number;
  /** 1-based line of the token's first character. */
  readonly line: number;
  /** Blanks, a comment or a continuation come right before the token. */
  readonly spaceBefore: boolean;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const PERCENT = 37;
const QUOTE = 39;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const CLOSE_BRACKET = 93;
const DOUBLE_QUOTE = 34;
const STAR = 42;
const SLASH = 47;
const BACKSLASH = 92;
const CARET = 94;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === 11 || c === 12;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c) || c === 95;
/** Operators that make a dot after digits an element-wise operator (`5.*x`) rather than a decimal point. */
const isDotOperatorTail = (c: number): boolean =>
  c === STAR || c === SLASH || c === BACKSLASH || c === CARET || c === QUOTE || c === DOT;

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const TWO_CHAR_OPERATORS = new Set(['.*', './', '.\\', '.^', ".'", '==', '~=', '!=', '<=', '>=', '&&', '||']);

export class Lexer {
  pos: number;
  line = 1;
  /** End offset of the number read by the last `scanNumber`. */
  numberEnd = 0;
  /** End offset and line of the last token taken with `next`. */
  lastEnd = 0;
  lastLine = 1;
  private peeked: Token | undefined;
  private lastEndsValue = false;

  readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  peek(): Token {
    if (this.peeked === undefined) this.peeked = this.read();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    this.lastEnd = token.end;
    this.lastLine = token.line;
    return token;
  }

  /**
   * Continues at `pos` (on `line`), dropping any token already peeked. `afterValue` says the text before
   * ends a value, so that a quote right after it is a transpose rather than the start of a string.
   */
  reset(pos: number, line: number, afterValue = false): void {
    this.pos = pos;
    this.line = line;
    this.peeked = undefined;
    this.lastEndsValue = afterValue;
  }

  /** Skips blanks, comments and continuations; returns true if any were skipped. Stops at a newline. */
  skipSpace(): boolean {
    const text = this.text;
    let skipped = false;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (isBlank(c) || (c === CR && text.charCodeAt(this.pos + 1) === LF)) {
        this.pos++;
      } else if (c === PERCENT || c === HASH) {
        if (!this.skipBlockComment()) this.skipToLineEnd();
      } else if (
        c === DOT &&
        text.charCodeAt(this.pos + 1) === DOT &&
        text.charCodeAt(this.pos + 2) === DOT
      ) {
        this.skipToLineEnd();
        this.skipNewline();
      } else {
        return skipped;
      }
      skipped = true;
    }
  }

  /** At a newline (LF, CRLF or a lone CR): moves past it and counts the line; else does nothing. */
  skipNewline(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c === LF || c === CR) {
      this.pos += c === CR && this.text.charCodeAt(this.pos + 1) === LF ? 2 : 1;
      this.line++;
      return true;
    }
    return false;
  }

  skipToLineEnd(): void {
    const text = this.text;
    let p = this.pos;
    while (p < text.length) {
      const c = text.charCodeAt(p);
      if (c === LF || c === CR) break;
      p++;
    }
    this.pos = p;
  }

  /** Reads the number starting at `start` (digits or a dot then digits) and sets `numberEnd`. */
  scanNumber(start: number): number {
    const text = this.text;
    let p = start;
    let c = text.charCodeAt(p);
    let mantissa = 0;
    let digits = 0;
    let exp10 = 0;
    let exact = true;
    while (isDigit(c)) {
      if (mantissa !== 0 || c !== 48) {
        if (digits < 15) mantissa = mantissa * 10 + (c - 48);
        else exact = false;
        digits++;
      }
      c = text.charCodeAt(++p);
    }
    if (c === DOT && !isDotOperatorTail(text.charCodeAt(p + 1))) {
      c = text.charCodeAt(++p);
      while (isDigit(c)) {
        if (mantissa !== 0 || c !== 48) {
          if (digits < 15) mantissa = mantissa * 10 + (c - 48);
          else exact = false;
          digits++;
        }
        exp10--;
        c = text.charCodeAt(++p);
      }
    }
    if (c === 101 || c === 69) {
      let q = p + 1;
      let sign = 1;
      let e = text.charCodeAt(q);
      if (e === PLUS || e === MINUS) {
        sign = e === MINUS ? -1 : 1;
        e = text.charCodeAt(++q);
      }
      if (isDigit(e)) {
        let exponent = 0;
        while (isDigit(e)) {
          if (exponent < 100000) exponent = exponent * 10 + (e - 48);
          e = text.charCodeAt(++q);
        }
        exp10 += sign * exponent;
        p = q;
      }
    }
    this.numberEnd = p;
    if (!exact) return Number(text.slice(start, p));
    if (mantissa === 0) return 0;
    if (exp10 >= 0 && exp10 <= 22) return mantissa * POW10[exp10];
    if (exp10 < 0 && exp10 >= -22) return mantissa / POW10[-exp10];
    return Number(text.slice(start, p));
  }

  private read(): Token {
    const space = this.skipSpace();
    const text = this.text;
    const start = this.pos;
    const line = this.line;
    const c = text.charCodeAt(start);
    let kind: TokenKind = 'op';
    let tokenText = '';
    let value = 0;
    if (start >= text.length) {
      kind = 'eof';
    } else if (this.skipNewline()) {
      kind = 'newline';
    } else if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(start + 1)))) {
      kind = 'number';
      value = this.scanNumber(start);
      this.pos = this.numberEnd;
    } else if (isNameStart(c)) {
      let p = start + 1;
      while (isNamePart(text.charCodeAt(p))) p++;
      kind = 'name';
      tokenText = text.slice(start, p);
      this.pos = p;
    } else if ((c === QUOTE && !(this.lastEndsValue && !space)) || c === DOUBLE_QUOTE) {
      const read = this.readString(c);
      kind = read.ok ? 'string' : 'error';
      tokenText = read.text;
    } else {
      const two = text.slice(start, start + 2);
      tokenText = TWO_CHAR_OPERATORS.has(two) ? two : text[start];
      this.pos = start + tokenText.length;
    }
    this.lastEndsValue =
      kind === 'number' ||
      kind === 'name' ||
      kind === 'string' ||
      (kind === 'op' && (c === 41 || c === CLOSE_BRACKET || c === CLOSE_BRACE || tokenText.endsWith("'")));
    return { kind, text: tokenText, value, start, end: this.pos, line, spaceBefore: space };
  }

  /** Reads a quoted string (a doubled quote stands for one); strings end on their own line. */
  private readString(quote: number): { ok: boolean; text: string } {
    const text = this.text;
    let p = this.pos + 1;
    let value = '';
    let from = p;
    for (;;) {
      const c = text.charCodeAt(p);
      if (p >= text.length || c === LF || c === CR) {
        this.pos = p;
        return { ok: false, text: 'string not closed before the end of the line' };
      }
      if (c === quote) {
        value += text.slice(from, p);
        if (text.charCodeAt(p + 1) !== quote) break;
        value += text[p];
        p += 2;
        from = p;
      } else {
        p++;
      }
    }
    this.pos = p + 1;
    return { ok: true, text: value };
  }

  /** At `%{` alone on its line: skips to the matching `%}` line (blocks nest) and returns true. */
  private skipBlockComment(): boolean {
    const text = this.text;
    if (text.charCodeAt(this.pos + 1) !== OPEN_BRACE || !this.aloneOnLine(this.pos, 2)) return false;
    let depth = 0;
    while (this.pos < text.length) {
      const lineStart = this.pos;
      this.skipToLineEnd();
      const content = text.slice(lineStart, this.pos).trim();
      if (content === '%{') depth++;
      else if (content === '%}') depth--;
      if (depth === 0) return true;
      this.skipNewline();
    }
    return true;
  }

  /** The `length` characters at `at` are the only non-blank characters of their line. */
  private aloneOnLine(at: number, length: number): boolean {
    const text = this.text;
    for (let p = at - 1; p >= 0; p--) {
      const c = text.charCodeAt(p);
      if (c === LF || c === CR) break;
      if (!isBlank(c)) return false;
    }
    for (let p = at + length; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === LF || c === CR) break;
      if (!isBlank(c)) return false;
    }
    return true;
  }
}
