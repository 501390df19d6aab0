/**
 * Problems that make a power flow meaningless although the grid itself is valid: today, a grid in
 * which no island has a bus that can hold the voltage (a slack or PV bus with an in-service
 * generator), so that every bus would be de-energised.
 */
import type { GridIssue } from '../grid/index.ts';
import { REF } from './bus-kind.ts';
import type { PowerFlowNetwork } from './compile-network.ts';

export function checkPowerFlowInput(net: PowerFlowNetwork): GridIssue[] {
  if (net.nBus > 0 && !net.kind.includes(REF)) {
    return [
      {
        path: 'buses',
        message:
          'no slack bus: no bus of type "slack" or "pv" has an in-service generator, so every island would be de-energised',
      },
    ];
  }
  return [];
}
