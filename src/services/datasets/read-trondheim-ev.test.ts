import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrors, expectOk, removeFixtures, sharedDataDir, writeFixture } from './dataset-fixtures.ts';
import { type EvChargingSession, readTrondheimEv, type TrondheimEvDataset } from './read-trondheim-ev.ts';

afterAll(removeFixtures);

const HEADER =
  'session_id,garage_id,user_id,user_type,shared_id,plugin_time,plugout_time,energy_kwh,duration_hours';
const ev = (rows: string[]) => writeFixture({ 'sessions.csv': `${HEADER}\n${rows.join('\n')}\n` });
const HOUR_MS = 3_600_000;

describe('readTrondheimEv on the shared data', () => {
  let value: TrondheimEvDataset;
  let warnings: string[];
  let sessions: readonly EvChargingSession[];
  beforeAll(() => {
    ({ value, warnings } = expectOk(
      readTrondheimEv(join(sharedDataDir(), 'trondheim-residential-ev-charging')),
    ));
    sessions = value.sessions;
  });

  it('has every session in plug-in order with Europe/Oslo instants', () => {
    expect(warnings).toEqual([]);
    expect(value.kind).toBe('ev');
    expect(value.timeZone).toBe('Europe/Oslo');
    expect(sessions.length).toBe(5502);
    expect(sessions[0]).toEqual({
      sessionId: '1',
      garageId: 'AdO3',
      userId: 'AdO3-4',
      userType: 'private',
      sharedChargerId: null,
      plugInMs: Date.parse('2018-12-21T10:20+01:00'),
      plugOutMs: Date.parse('2018-12-21T10:23+01:00'),
      energyKwh: 0.3,
      publishedDurationHours: 0.05,
    });
    expect(sessions.at(-1)?.plugInMs).toBe(Date.parse('2019-12-28T00:15+01:00'));
    expect(sessions.every((s, i) => i === 0 || s.plugInMs >= sessions[i - 1].plugInMs)).toBe(true);
  });

  it('matches the README counts', () => {
    expect(sessions.filter((s) => s.userType === 'private').length).toBe(4301);
    expect(sessions.filter((s) => s.userType === 'shared').length).toBe(1201);
    expect(new Set(sessions.map((s) => s.userId)).size).toBe(90);
    expect(new Set(sessions.map((s) => s.garageId)).size).toBe(23);
    const open = sessions.filter((s) => s.plugOutMs === null);
    expect(open.length).toBe(31);
    expect(open.every((s) => s.publishedDurationHours === null)).toBe(true);
    expect(Math.max(...sessions.map((s) => s.energyKwh))).toBe(80.86); // the README rounds it to 80.9
  });

  it('measures a session across the autumn change in real elapsed time', () => {
    const s = sessions.find((x) => x.sessionId === '3214')!; // 2019-10-26T20:27+02:00 -> 2019-10-27T08:48+01:00
    expect(s.sharedChargerId).toBeNull();
    expect((s.plugOutMs! - s.plugInMs) / HOUR_MS).toBeCloseTo(13 + 21 / 60, 9);
    expect(s.publishedDurationHours).toBeCloseTo(13.35138889, 8); // the wall-clock difference, 1 h short
    expect(sessions.find((x) => x.sessionId === '3216')?.sharedChargerId).toBe('Shared-7');
  });
});

describe('readTrondheimEv on fixtures', () => {
  it('converts Oslo wall times without offset, with the documented DST rule', () => {
    const rows = [
      '1,G1,G1-1,Private,,2019-03-31T01:59,2019-03-31T02:30,1.5,0.52',
      '2,G1,G1-1,Private,,2019-10-27T02:30,2019-10-27T03:30,1.0,1.0',
      '3,G1,Share-1,Shared,Shared-1,2019-11-01T12:00,,2.25,',
    ];
    const { value, warnings } = expectOk(readTrondheimEv(ev(rows)));
    expect(warnings).toEqual([
      'sessions.csv:2:plugout_time: "2019-03-31T02:30" does not exist in Europe/Oslo (spring change): read as 2019-03-31T03:30:00+02:00',
      'sessions.csv:3:plugin_time: "2019-10-27T02:30" occurs twice in Europe/Oslo (autumn change): read as the earlier 2019-10-27T02:30:00+02:00',
    ]);
    const [spring, autumn, open] = value.sessions;
    expect(spring.plugInMs).toBe(Date.parse('2019-03-31T01:59+01:00'));
    expect(spring.plugOutMs).toBe(Date.parse('2019-03-31T03:30+02:00'));
    expect(autumn.plugInMs).toBe(Date.parse('2019-10-27T02:30+02:00'));
    expect(autumn.plugOutMs).toBe(Date.parse('2019-10-27T03:30+01:00'));
    expect((autumn.plugOutMs! - autumn.plugInMs) / HOUR_MS).toBe(2);
    expect(open).toMatchObject({
      userType: 'shared',
      sharedChargerId: 'Shared-1',
      plugOutMs: null,
      publishedDurationHours: null,
    });
    expect(open.plugInMs).toBe(Date.parse('2019-11-01T12:00+01:00'));
  });

  it('reports an offset that is not Oslo’s at that instant', () => {
    const rows = ['1,G1,G1-1,Private,,2019-07-01T10:00+01:00,2019-07-01T12:00Z,1,1'];
    expect(expectErrors(readTrondheimEv(ev(rows)))).toEqual([
      "sessions.csv:2:plugin_time: offset +01:00 is not Europe/Oslo's offset at this instant (+02:00: 2019-07-01T11:00:00+02:00)",
      "sessions.csv:2:plugout_time: offset +00:00 is not Europe/Oslo's offset at this instant (+02:00: 2019-07-01T14:00:00+02:00)",
    ]);
  });

  it('reports bad cells, duplicates, order and plug-out before plug-in', () => {
    const rows = [
      '1,G1,G1-1,Private,,2019-05-01T10:00+02:00,2019-05-01T09:00+02:00,1,1',
      '2,G1,G1-1,Owner,,2019-05-02T10:00+02:00,2019-05-02T11:00+02:00,abc,1',
      '2,G1,,Private,,2019-05-03T10:00+02:00,2019-05-03T11:00+02:00,-1,1',
      '4,G1,G1-1,Private,,2019-05-01T08:00+02:00,,1,x',
      '5,G1,G1-1,Private,,2019-05-04 10:00,,,',
      '6,G1,G1-1,Private,',
    ];
    expect(expectErrors(readTrondheimEv(ev(rows)))).toEqual([
      'sessions.csv:2:plugout_time: plug-out 2019-05-01T09:00+02:00 is before plug-in 2019-05-01T10:00+02:00',
      'sessions.csv:3:user_type: "Owner" is not Private or Shared',
      'sessions.csv:3:energy_kwh: "abc" is not a number',
      'sessions.csv:4:user_id: empty cell (this column has no missing values)',
      'sessions.csv:4:session_id: duplicated session "2" (also on line 3)',
      'sessions.csv:4:energy_kwh: negative energy -1',
      'sessions.csv:5:plugin_time: plug-in 2019-05-01T08:00+02:00 is earlier than the plug-in on line 4: sessions must be in plug-in order',
      'sessions.csv:5:duration_hours: "x" is not a number',
      'sessions.csv:6:energy_kwh: empty cell (this column has no missing values)',
      'sessions.csv:6:plugin_time: "2019-05-04 10:00" is not a timestamp (expected YYYY-MM-DDTHH:MM+HH:MM)',
      'sessions.csv:7: row has 5 cells, expected 9 like the header',
    ]);
  });

  it('warns when user type and shared charger disagree', () => {
    const rows = [
      '1,G1,G1-1,Private,Shared-1,2019-05-01T10:00+02:00,,1,',
      '2,G1,Share-1,Shared,,2019-05-01T10:00+02:00,,1,',
    ];
    expect(expectOk(readTrondheimEv(ev(rows))).warnings).toEqual([
      'sessions.csv:2:shared_id: a Private session with shared_id "Shared-1"',
      'sessions.csv:3:shared_id: a Shared session without shared_id',
    ]);
  });

  it('names the expected layout for the original semicolon file and a wrong header', () => {
    const original = writeFixture({
      'sessions.csv': 'session_ID;Garage_ID;User_ID;User_type;Shared_ID;Start_plugin\n',
    });
    expect(expectErrors(readTrondheimEv(original))).toEqual([
      `sessions.csv:1: semicolon-separated header (the original Mendeley layout?); expected the comma-separated layout of README.md: ${HEADER}`,
    ]);
    const renamed = writeFixture({ 'sessions.csv': `${HEADER.replace('energy_kwh', 'El_kWh')}\n` });
    expect(expectErrors(readTrondheimEv(renamed))).toEqual([
      `sessions.csv:1: wrong header: expected ${HEADER} (column 8 is "El_kWh" instead of "energy_kwh")`,
    ]);
    expect(expectErrors(readTrondheimEv(ev([])))).toEqual(['sessions.csv: no data rows after the header']);
  });
});
