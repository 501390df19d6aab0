/**
 * The `kirchhoff` command end to end, in a child process as a user runs it: the MATPOWER-shaped
 * JSON, the readable summary, `convert`, and one-line errors with non-zero exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff } from './support/compare.ts';
import { matpowerDir, readReference } from './support/shared-dir.ts';

const root = join(import.meta.dirname, '..');

/** The parts of a reference file these tests read. */
interface Reference {
  iterations: number;
  bus: Record<string, number[]>;
  gen: Record<string, number[]>;
  branch: Record<string, number[]>;
  losses: Record<string, number>;
}

function kirchhoff(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'kirchhoff.js'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const case9 = join(matpowerDir, 'case9.m');
const work = mkdtempSync(join(tmpdir(), 'kirchhoff-cli-'));

describe('kirchhoff pf', () => {
  it('prints MATPOWER’s reference schema with --json, with the same numbers and timings', () => {
    const run = kirchhoff('pf', join(matpowerDir, 'case30.m'), '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const ref = readReference<Reference>('case30', 'pf');
    expect(out.converged).toBe(true);
    expect(out.iterations).toBe(ref.iterations);
    expect(out.bus.id).toEqual(ref.bus.id);
    expect(out.bus.type).toEqual(ref.bus.type);
    expect(maxAbsDiff(out.bus.vm, ref.bus.vm)).toBeLessThan(1e-9);
    expect(maxAbsDiff(out.bus.va, ref.bus.va)).toBeLessThan(1e-8);
    expect(out.gen.bus).toEqual(ref.gen.bus);
    expect(out.gen.status).toEqual(ref.gen.status);
    expect(maxAbsDiff(out.gen.qg, ref.gen.qg)).toBeLessThan(1e-8);
    for (const key of ['from', 'to', 'status']) expect(out.branch[key]).toEqual(ref.branch[key]);
    for (const key of ['pf', 'qf', 'pt', 'qt'])
      expect(maxAbsDiff(out.branch[key], ref.branch[key])).toBeLessThan(1e-8);
    expect(out.losses.p_mw).toBeCloseTo(ref.losses.p_mw, 8);
    expect(out.losses.q_mvar).toBeCloseTo(ref.losses.q_mvar, 8);
    for (const key of ['parse', 'compile', 'solve']) {
      expect(typeof out.timing_ms[key]).toBe('number');
      expect(out.timing_ms[key]).toBeGreaterThan(0);
    }
  });

  it('prints the DC reference schema with --dc --json', () => {
    const run = kirchhoff('pf', case9, '--dc', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const ref = readReference<Reference>('case9', 'dcpf');
    expect(out.type).toBe('dc_power_flow');
    expect(maxAbsDiff(out.bus.va, ref.bus.va)).toBeLessThan(1e-9);
    expect(maxAbsDiff(out.branch.pf, ref.branch.pf)).toBeLessThan(1e-9);
    expect(maxAbsDiff(out.gen.pg, ref.gen.pg)).toBeLessThan(1e-9);
    expect(out.bus.vm).toBeUndefined();
  });

  it('prints a readable summary without --json', () => {
    const run = kirchhoff('pf', case9);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('AC Newton-Raphson power flow: converged in 4 iterations');
    expect(run.stdout).toMatch(/losses: 4\.641 MW/);
    expect(run.stdout).toContain('lowest voltages:');
    expect(run.stdout).toContain('most loaded branches');
  });

  it('solves the example district that ships with the project', () => {
    const run = kirchhoff('pf', join(root, 'examples', 'district.json'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('converged');
  });

  it('fails with one line naming the file and line on a malformed case', () => {
    const bad = join(work, 'broken.m');
    writeFileSync(
      bad,
      readFileSync(case9, 'utf8').replace('\t4\t1\t0\t0\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;', '\t4\t1\t0\t0;'),
    );
    const run = kirchhoff('pf', bad);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^.*broken\.m:\d+: /);
    expect(run.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  it('fails with the field path on a grid with a broken reference', () => {
    const grid = JSON.parse(readFileSync(join(root, 'examples', 'district.json'), 'utf8'));
    grid.branches[3].toBusId = 'nowhere';
    const file = join(work, 'broken.json');
    writeFileSync(file, JSON.stringify(grid));
    const run = kirchhoff('pf', file);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`${file}: branches[3].toBusId: bus "nowhere" does not exist`);
  });

  it('fails naming the problem when no bus can be the slack', () => {
    const grid = JSON.parse(readFileSync(join(root, 'examples', 'district.json'), 'utf8'));
    for (const g of grid.generators) g.inService = false;
    const file = join(work, 'no-slack.json');
    writeFileSync(file, JSON.stringify(grid));
    for (const args of [[file], [file, '--dc']]) {
      const run = kirchhoff('pf', ...args);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `${file}: buses: no slack bus: no bus of type "slack" or "pv" has an in-service generator, so every island would be de-energised`,
      );
    }
  });

  it('fails with a one-line reason when the power flow does not converge', () => {
    const text = readFileSync(case9, 'utf8').replace(/^(\s*5\s+1\s+)90(\s+)30/m, '$19000$23000');
    const file = join(work, 'overloaded.m');
    writeFileSync(file, text);
    const run = kirchhoff('pf', file, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).converged).toBe(false);
    expect(run.stderr).toMatch(
      /overloaded\.m: power flow did not converge: (max-iterations|diverged|singular)/,
    );
  });

  it('fails with usage errors for a missing file or a wrong option', () => {
    const missing = kirchhoff('pf', join(work, 'nope.m'));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`kirchhoff pf: ${join(work, 'nope.m')}: no such file`);
    const wrong = kirchhoff('pf', case9, '--fast');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Unknown option '--fast'/);
  });
});

describe('kirchhoff convert', () => {
  it('writes a grid that solves to the same answer and converts to itself unchanged', () => {
    const out = join(work, 'case9.json');
    expect(kirchhoff('convert', case9, '-o', out).code).toBe(0);
    const again = join(work, 'case9-again.json');
    expect(kirchhoff('convert', out, '-o', again).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
    const fromM = JSON.parse(kirchhoff('pf', case9, '--json').stdout);
    const fromJson = JSON.parse(kirchhoff('pf', out, '--json').stdout);
    expect(fromJson.bus).toEqual(fromM.bus);
    expect(fromJson.branch).toEqual(fromM.branch);
  });
});
