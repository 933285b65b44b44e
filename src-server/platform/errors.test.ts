import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors';

const pgError = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });
/** How Drizzle hands a driver's error on: wrapped, the original as `cause`. */
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

describe('isDatabaseUnavailable', () => {
  it('recognises a connection the database or the network ended, however deeply wrapped', () => {
    expect(
      isDatabaseUnavailable(pgError('57P01', 'terminating connection due to administrator command')),
    ).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(pgError('ECONNREFUSED')))).toBe(true);
    expect(isDatabaseUnavailable(pgError('08006'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(pgError('55000', 'database "x" is not currently accepting connections')),
    ).toBe(true);
  });

  it('leaves errors of the statement itself alone', () => {
    expect(isDatabaseUnavailable(wrapped(pgError('23505', 'duplicate key value')))).toBe(false);
    expect(isDatabaseUnavailable(pgError('55000', 'currval of sequence is not yet defined'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
