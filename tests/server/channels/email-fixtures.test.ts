import { describeFixtureRun } from './fixture-run';

describeFixtureRun('embedded');
