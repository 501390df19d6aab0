/**
 * Recognises which of the four forecasting datasets a folder holds from its file names (every
 * expected file present; other files such as README.md are ignored), and reads it with its reader.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { DatasetResult } from './dataset-result.ts';
import { GEFCOM2012_FILES, type Gefcom2012Dataset, readGefcom2012 } from './read-gefcom2012.ts';
import { PVDAQ_SYSTEM_50_FILES, type PvDataset, readPvdaqSystem50 } from './read-pvdaq-system50.ts';
import { readTetouan, TETOUAN_FILES, type TetouanDataset } from './read-tetouan.ts';
import { readTrondheimEv, TRONDHEIM_EV_FILES, type TrondheimEvDataset } from './read-trondheim-ev.ts';

export type DatasetKind = 'gefcom2012' | 'tetouan' | 'pv' | 'ev';

export type Dataset = Gefcom2012Dataset | TetouanDataset | PvDataset | TrondheimEvDataset;

/** The files each dataset folder must hold. */
export const DATASET_FILES: Readonly<Record<DatasetKind, readonly string[]>> = {
  gefcom2012: GEFCOM2012_FILES,
  tetouan: TETOUAN_FILES,
  pv: PVDAQ_SYSTEM_50_FILES,
  ev: TRONDHEIM_EV_FILES,
};

const KINDS = Object.keys(DATASET_FILES) as DatasetKind[];

/** The kind of dataset in `dir`, or an error (on the folder, line 0) listing the files each kind needs. */
export function detectDataset(dir: string): DatasetResult<DatasetKind> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, errors: [{ file: dir, line: 0, message: 'folder not found' }] };
  }
  const present = new Set(readdirSync(dir));
  const matches = KINDS.filter((kind) => DATASET_FILES[kind].every((f) => present.has(f)));
  if (matches.length === 1) return { ok: true, value: matches[0], warnings: [] };
  const expected = KINDS.map((kind) => `${kind} (${DATASET_FILES[kind].join(', ')})`).join('; ');
  const message =
    matches.length === 0
      ? `no known dataset: expected the files of one of ${expected}`
      : `holds the files of several datasets (${matches.join(', ')}); expected those of exactly one of ${expected}`;
  return { ok: false, errors: [{ file: dir, line: 0, message }] };
}

/** Detects the dataset in `dir` and reads it. */
export function readDataset(dir: string): DatasetResult<Dataset> {
  const detected = detectDataset(dir);
  if (!detected.ok) return detected;
  switch (detected.value) {
    case 'gefcom2012':
      return readGefcom2012(dir);
    case 'tetouan':
      return readTetouan(dir);
    case 'pv':
      return readPvdaqSystem50(dir);
    case 'ev':
      return readTrondheimEv(dir);
  }
}
