/**
 * Small case-file texts and helpers for the tests of this folder: a 3-bus version 2 case, a way to find
 * the line of a piece of text (so tests can state the line an error must name), and number spellings.
 */

/** A complete 3-bus, 2-generator, 2-branch case with polynomial costs (20 lines and a final newline). */
export const MINI_CASE = `function mpc = mini
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
\t1\t3\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;
\t2\t2\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;
\t3\t1\t90\t30\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;
];
mpc.gen = [
\t1\t72.3\t27.03\t300\t-300\t1.04\t100\t1\t250\t10\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0;
\t2\t163\t6.54\t300\t-300\t1.025\t100\t1\t300\t10\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0;
];
mpc.branch = [
\t1\t2\t0\t0.0576\t0\t250\t250\t250\t0\t0\t1\t-360\t360;
\t2\t3\t0.017\t0.092\t0.158\t250\t250\t250\t0\t0\t1\t-360\t360;
];
mpc.gencost = [
\t2\t1500\t0\t3\t0.11\t5\t150;
\t2\t2000\t0\t3\t0.085\t1.2\t600;
];
`;

/** The 1-based line of the first occurrence of `needle` in `text` (throws if absent: a broken test). */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  return text.slice(0, at).split('\n').length;
}

/** `text` with the first occurrence of `from` replaced by `to` (throws if absent: a broken test). */
export function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** One of several ways MATLAB accepts to write `x`. */
export function spell(x: number, choice: number): string {
  if (Number.isNaN(x)) return ['NaN', 'nan'][choice % 2];
  if (x === Infinity) return ['Inf', 'inf', '+Inf'][choice % 3];
  if (x === -Infinity) return ['-Inf', '-inf'][choice % 2];
  if (Object.is(x, -0)) return ['-0', '-0.0', '-0e0', '-.0'][choice % 4];
  const plain = String(x);
  const spellings = [plain, x.toExponential(), x.toExponential().toUpperCase().replace('E+', 'E')];
  if (/^-?0\./.test(plain)) spellings.push(plain.replace('0.', '.'));
  if (Number.isInteger(x) && !plain.includes('e')) spellings.push(`${plain}.`, `${plain}.000`);
  if (x > 0) spellings.push(`+${plain}`);
  return spellings[choice % spellings.length];
}

/** Same shape and the same numbers, telling -0 from 0 and NaN equal to NaN (`Object.is`). */
export function sameNumbers(actual: number[][], expected: number[][]): boolean {
  return (
    actual.length === expected.length &&
    actual.every(
      (row, r) => row.length === expected[r].length && row.every((x, c) => Object.is(x, expected[r][c])),
    )
  );
}
