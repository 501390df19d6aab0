/**
 * The `pf --json` output with grids whose bus ids are not MATPOWER bus numbers: run in memory through
 * `runCli` with a fake `CliIo`, and through `formatPowerFlowJson` directly.
 */
import { describe, expect, it } from 'vitest';
import { runAcPowerFlow, runDcPowerFlow } from '../../src/core/powerflow/index.ts';
import { formatPowerFlowJson } from '../../src/services/cli/format-power-flow-json.ts';
import { type CliIo, runCli } from '../../src/services/cli/index.ts';
import { type GridSpec, grid } from './support.ts';

function memoryIo(files: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    clock: { nowMs: () => 0 },
    readText: (path) => {
      if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[path];
    },
    writeTextAtomic: () => {},
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
  };
  return { io, out };
}

const named: GridSpec = {
  name: 'named ids',
  buses: [
    { id: 'Main Sub', baseKv: 20, type: 'slack' },
    { id: 'feeder/α', baseKv: 20 },
    { id: 'x-1', baseKv: 20, type: 'pv' },
  ],
  branches: [
    { id: 'l1', fromBusId: 'Main Sub', toBusId: 'feeder/α', rPu: 0.01, xPu: 0.05 },
    { id: 'l2', fromBusId: 'feeder/α', toBusId: 'x-1', rPu: 0.01, xPu: 0.05 },
  ],
  generators: [
    { id: 'g', busId: 'Main Sub' },
    { id: 'g2', busId: 'x-1', pMw: 2 },
  ],
  loads: [{ id: 'l', busId: 'feeder/α', pMw: 5, qMvar: 1 }],
};

describe('pf --json with non-numeric bus ids', () => {
  it('AC: writes string ids as strings, with valid JSON and exit code 0', () => {
    const { io, out } = memoryIo({
      'grid.json': JSON.stringify({ format: 'kirchhoff-grid', version: 1, ...named }),
    });
    expect(runCli(['pf', 'grid.json', '--json'], io)).toBe(0);
    expect(out.stderr).toBe('');
    const json = JSON.parse(out.stdout);
    expect(json.case).toBe('named ids');
    expect(json.bus.id).toEqual(['Main Sub', 'feeder/α', 'x-1']);
    expect(json.bus.type).toEqual([3, 1, 2]);
    expect(json.gen.bus).toEqual(['Main Sub', 'x-1']);
    expect(json.branch.from).toEqual(['Main Sub', 'feeder/α']);
    expect(json.branch.to).toEqual(['feeder/α', 'x-1']);
    expect(json.gen.pg[1]).toBe(2);
    for (const v of [...json.bus.vm, ...json.bus.va, ...json.branch.pf, ...json.gen.qg])
      expect(Number.isFinite(v)).toBe(true);
  });

  it('DC: the same ids, and the readable summary prints them', () => {
    const files = { 'grid.json': JSON.stringify({ format: 'kirchhoff-grid', version: 1, ...named }) };
    const dc = memoryIo(files);
    expect(runCli(['pf', 'grid.json', '--json', '--dc'], dc.io)).toBe(0);
    const json = JSON.parse(dc.out.stdout);
    expect(json.bus.id).toEqual(['Main Sub', 'feeder/α', 'x-1']);
    expect(json.gen.pg[0]).toBeCloseTo(3, 10);
    const text = memoryIo(files);
    expect(runCli(['pf', 'grid.json'], text.io)).toBe(0);
    expect(text.out.stdout).toContain('feeder/α');
  });

  it('a non-converged run still prints JSON, reports the status and exits with 1', () => {
    const heavy = { ...named, loads: [{ id: 'l', busId: 'feeder/α', pMw: 1e6, qMvar: 1e6 }] };
    const { io, out } = memoryIo({
      'grid.json': JSON.stringify({ format: 'kirchhoff-grid', version: 1, ...heavy }),
    });
    expect(runCli(['pf', 'grid.json', '--json'], io)).toBe(1);
    const json = JSON.parse(out.stdout);
    expect(json.converged).toBe(false);
    expect(out.stderr).toMatch(/did not converge/);
  });

  // Only ids that read back as the same integer become JSON numbers.
  it('keeps distinct string ids distinct', () => {
    const g = grid({
      buses: [
        { id: '7', baseKv: 20, type: 'slack' },
        { id: '007', baseKv: 20 },
        { id: '12345678901234567891', baseKv: 20 },
      ],
      branches: [
        { id: 'a', fromBusId: '7', toBusId: '007', rPu: 0.01, xPu: 0.05 },
        { id: 'b', fromBusId: '007', toBusId: '12345678901234567891', rPu: 0.01, xPu: 0.05 },
      ],
      generators: [{ id: 'g', busId: '7' }],
      loads: [{ id: 'l', busId: '007', pMw: 5 }],
    });
    const json = JSON.parse(
      JSON.stringify(formatPowerFlowJson(g, runAcPowerFlow(g), { parse: 0, compile: 0, solve: 0 })),
    );
    expect(new Set(json.bus.id).size).toBe(3);
    expect(json.bus.id.map(String)).toEqual(['7', '007', '12345678901234567891']);
  });
});

describe('isolated buses in the MATPOWER-shaped output', () => {
  it('keep the case voltage, as MATPOWER reports them, while the engine marks them de-energised', () => {
    const g = grid({
      buses: [
        { id: '1', baseKv: 20, type: 'slack' },
        { id: '2', baseKv: 20 },
        { id: '3', baseKv: 20, type: 'isolated', vmPu: 0.97, vaDeg: -4 },
      ],
      branches: [
        { id: 'a', fromBusId: '1', toBusId: '2', rPu: 0.01, xPu: 0.05 },
        { id: 'b', fromBusId: '2', toBusId: '3', rPu: 0.01, xPu: 0.05 },
      ],
      generators: [{ id: 'g', busId: '1' }],
      loads: [{ id: 'l', busId: '2', pMw: 5 }],
    });
    const result = runAcPowerFlow(g);
    expect(result.buses.energised[2]).toBe(0);
    expect(result.buses.vmPu[2]).toBe(0);
    const ac = formatPowerFlowJson(g, result, { parse: 0, compile: 0, solve: 0 }) as {
      bus: { vm: number[]; va: number[] };
      branch: { pf: number[] };
    };
    expect(ac.bus.vm[2]).toBe(0.97);
    expect(ac.bus.va[2]).toBe(-4);
    expect(ac.branch.pf[1]).toBe(0);
    const dc = formatPowerFlowJson(g, runDcPowerFlow(g), { parse: 0, compile: 0, solve: 0 }) as {
      bus: { va: number[] };
    };
    expect(dc.bus.va[2]).toBe(-4);
  });
});
