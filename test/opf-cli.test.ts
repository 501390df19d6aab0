/**
 * `kirchhoff opf --dc --json` end to end: the object has the keys of MATPOWER's dcopf reference and
 * agrees with it; the AC OPF in the opf reference schema.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff } from './support/compare.ts';
import { matpowerDir, readReference } from './support/shared-dir.ts';

const root = join(import.meta.dirname, '..');
const kirchhoff = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'kirchhoff.js'), ...args], { encoding: 'utf8', cwd: root });

interface DcOpfReference {
  f: number;
  bus: { id: number[]; va: number[]; lam_p: number[] };
  gen: { bus: number[]; status: number[]; pg: number[] };
  branch: { from: number[]; to: number[]; pf: number[] };
}

describe('kirchhoff opf', () => {
  it('prints the DC OPF of case2383wp in the reference schema, matching MATPOWER', () => {
    const run = kirchhoff('opf', join(matpowerDir, 'case2383wp.m'), '--dc', '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const ref = readReference<DcOpfReference>('case2383wp', 'dcopf');
    expect(out.success).toBe(true);
    expect(Object.keys(out.bus)).toEqual(['id', 'va', 'lam_p']);
    expect(Object.keys(out.gen)).toEqual(['bus', 'status', 'pg']);
    expect(Object.keys(out.branch)).toEqual(['from', 'to', 'pf']);
    expect(out.bus.id).toEqual(ref.bus.id);
    expect(out.gen.bus).toEqual(ref.gen.bus);
    expect(out.branch.from).toEqual(ref.branch.from);
    expect(Math.abs(out.f - ref.f) / ref.f).toBeLessThan(1e-6);
    expect(maxAbsDiff(out.bus.lam_p, ref.bus.lam_p)).toBeLessThan(1e-3);
    expect(maxAbsDiff(out.gen.pg, ref.gen.pg)).toBeLessThan(1e-3);
    expect(out.timing_ms.solve).toBeGreaterThan(0);
  });

  it('with --losses, prices marginal losses and splits each price into energy, loss and congestion', () => {
    const run = kirchhoff('opf', join(matpowerDir, 'case118.m'), '--dc', '--losses', '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.success).toBe(true);
    const { lam_p, lam_p_energy, lam_p_loss, lam_p_congestion } = out.bus;
    for (let i = 0; i < lam_p.length; i++) {
      expect(lam_p[i]).toBeCloseTo(lam_p_energy[i] + lam_p_loss[i] + lam_p_congestion[i], 9);
    }
    // the lossless dispatch loses 134.8 MW in the AC power flow; the loss-aware one about a third less
    expect(out.losses_mw).toBeLessThan(100);
    expect(Math.max(...lam_p_loss) - Math.min(...lam_p_loss)).toBeGreaterThan(1);
  });

  it('summarises prices and binding limits', () => {
    const text = kirchhoff('opf', join(matpowerDir, 'case2383wp.m'), '--dc');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/LMP: 61\.\d\d to 665\.\d\d per MWh over 2383 buses/);
    expect(text.stdout).toMatch(/binding flow limits: 5/);
  });

  it('solves the AC OPF by default, in the opf reference schema', () => {
    const run = kirchhoff('opf', join(matpowerDir, 'case9.m'), '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const ref = readReference<{ f: number; bus: { id: number[] } }>('case9', 'opf');
    expect(out.success).toBe(true);
    expect(Object.keys(out.bus)).toEqual(['id', 'vm', 'va', 'lam_p', 'lam_q']);
    expect(Object.keys(out.gen)).toEqual(['bus', 'status', 'pg', 'qg']);
    expect(Object.keys(out.branch)).toEqual(['from', 'to', 'pf', 'qf', 'pt', 'qt']);
    expect(out.bus.id).toEqual(ref.bus.id);
    expect(Math.abs(out.f - ref.f) / ref.f).toBeLessThan(1e-3);
  });
});
