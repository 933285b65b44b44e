import { describe, expect, it } from 'vitest';
import { logBackgroundFailure } from './background-failure';

function recordingLog() {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    warn: (_details: object, message: string) => lines.push({ level: 'warn', message }),
    error: (_details: object, message: string) => lines.push({ level: 'error', message }),
  };
}

describe('a failure of background work', () => {
  it('is a warning when the database was only out of reach (pool exhausted, connection lost)', () => {
    const log = recordingLog();
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    logBackgroundFailure(log, new Error('Failed query', { cause: poolTimeout }), 'outbound sweep failed');
    expect(log.lines).toEqual([
      { level: 'warn', message: 'outbound sweep failed: database unavailable, the next run catches up' },
    ]);
  });

  it('is an error otherwise', () => {
    const log = recordingLog();
    logBackgroundFailure(
      log,
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'KPI projection',
    );
    expect(log.lines).toEqual([{ level: 'error', message: 'KPI projection' }]);
  });
});
