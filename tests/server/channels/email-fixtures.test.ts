import { hasPostgres } from '../support/services';
import { describeFixtureRun } from './fixture-run';

describeFixtureRun('embedded');
// On PostgreSQL too when it is here (with CI=true its absence fails instead).
if (await hasPostgres()) describeFixtureRun('postgres');
