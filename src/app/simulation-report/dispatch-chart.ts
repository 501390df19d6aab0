/**
 * The dispatch stack of one controller over time: where the power came from (import, central
 * plant, local generation, PV, battery discharge) stacked above zero, battery charging and EV
 * charging below zero, shed load on top, the true demand as a dashed line, and
 * the events as markers. Colours are fixed per layer so the controllers' stacks compare at a
 * glance; a layer that is zero throughout is left out.
 */
import type { ControllerRun, SimulationRecord, SimulationSeries } from '../../domain/operation/index.ts';
import type { AreaStackSeries } from '../chart-port.ts';
import type { ChartSection } from './chart-section.ts';
import { controllerPhrase, controllerTitle, formatNumber } from './compare-kpis.ts';
import { buildEventMarkers } from './event-timeline.ts';
import { scenarioTimeAxis } from './report-clock.ts';

const negate = (values: Float64Array): Float64Array => values.map((v) => -v);
const isUsed = (values: ArrayLike<number>): boolean =>
  Array.prototype.some.call(values, (v: number) => v !== 0 && Number.isFinite(v));

/** Load shed in all priority classes (the KPI table splits it by class). */
function totalShed(s: SimulationSeries): Float64Array {
  const { critical, essential, flexible } = s.shedMw;
  return critical.map((v, i) => v + essential[i] + flexible[i]);
}

/** The layers bottom up, without those that are zero throughout (a baseline without batteries). */
function stackLayers(s: SimulationSeries): AreaStackSeries['layers'] {
  return [
    { name: 'import', values: s.importMw, color: '#0072B2' },
    { name: 'central plant', values: s.centralPlantMw, color: '#6b6b6b' },
    { name: 'local generation', values: s.localGenerationMw, color: '#CC79A7' },
    { name: 'PV', values: s.pvMw, color: '#E69F00' },
    { name: 'battery', values: s.batteryMw, color: '#009E73' },
    { name: 'EV charging', values: negate(s.evChargingMw), color: '#56B4E9' },
    { name: 'shed load', values: totalShed(s), color: '#D55E00' },
  ].filter((layer) => isUsed(layer.values));
}

export function buildDispatchSection(record: SimulationRecord, run: ControllerRun): ChartSection {
  const s = run.series;
  const who = controllerTitle(run.controller);
  const whoText = controllerPhrase(run.controller);
  const { markers, actionsLeftOff } = buildEventMarkers(record, run.controller);
  const paragraphs = [
    `Where the power came from under ${whoText} in each interval, in MW: sources stack upwards from zero, ` +
      'shed load (all priority classes; the KPI table splits it by class) on top of them; battery charging ' +
      'and EV charging go below zero. The dashed line is the true demand: the positive stack exceeds it by ' +
      'the losses, the EV charging and the battery charging. Numbered markers refer to the event table.',
  ];
  if (actionsLeftOff > 0)
    paragraphs.push(
      `${formatNumber(actionsLeftOff, 0)} further actions of ${whoText} are listed in the event table but not marked here.`,
    );
  return {
    heading: `Dispatch, ${who}`,
    paragraphs,
    chart: {
      kind: 'time-series',
      title: `${record.scenario}: dispatch, ${who}`,
      subtitle: 'MW by source; charging below zero; shed load on top; dashed: true demand',
      yLabel: 'power (MW)',
      timeAxis: scenarioTimeAxis(record),
      series: [
        {
          kind: 'area-stack',
          timesMs: record.intervalStartMs,
          layers: stackLayers(s),
        },
        {
          kind: 'line',
          name: 'demand',
          timesMs: record.intervalStartMs,
          values: s.demandMw,
          color: '#000000',
          dashed: true,
        },
      ],
      markers,
    },
  };
}
