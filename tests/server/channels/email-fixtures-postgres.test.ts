import { describe, it } from 'vitest';
import { hasPostgres } from '../support/services';
import { describeFixtureRun } from './fixture-run';

if (await hasPostgres()) describeFixtureRun('postgres');
else
  describe.skip('hostile email fixtures on PostgreSQL (not reachable)', () => it.skip('skipped', () => {}));
