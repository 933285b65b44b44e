import { API_ROUTES, routePath } from '../../src-shared/protocol/routes';
import {
  ContactListResponse,
  ContactResponse,
  type Contact,
  type ContactDetail,
} from '../../src-shared/protocol/contacts';
import {
  AnalyticsTrendResponse,
  BeforeAfterResponse,
  CalibrationReportResponse,
  CalibrationResponse,
  CalibrationsResponse,
  COACHING_ROUTES,
  CsatResponse,
  EvaluationsResponse,
  FollowUpsResponse,
  RatersResponse,
  ScorecardsResponse,
  ScorecardVersionResponse,
  WorklistResponse,
  type AnalyticsDimension,
  type Rater,
} from '../../src-shared/protocol/coaching-http';
import type { CalibrationReport } from '../../src-shared/protocol/coaching-calibration';
import type { WorkItem } from '../../src-shared/protocol/coaching-sampling';
import type { Evaluation } from '../../src-shared/protocol/coaching-evaluations';
import {
  cacheCalibrations,
  cacheEvaluations,
  cacheFollowUps,
  cacheScorecardTemplates,
  cacheScorecardVersion,
} from '../data/coaching-repository';
import { authorizedGet } from './remote-reads';

/**
 * Coaching reads over HTTP. What the console keeps (scorecards, evaluations, sessions, tasks)
 * lands in the cache and reaches the screens through live queries, like pushed events; what is
 * read live (worklist, reports, analytics) is returned.
 */

const R = COACHING_ROUTES;

export async function loadScorecards(): Promise<void> {
  const { templates } = await authorizedGet(R.scorecards.path, ScorecardsResponse);
  await cacheScorecardTemplates(templates);
  const versionIds = templates.flatMap((t) => t.versions.map((v) => v.id));
  await Promise.all(versionIds.map(loadScorecardVersion));
}

export async function loadScorecardVersion(id: string): Promise<void> {
  const { version } = await authorizedGet(
    routePath(R.scorecardVersion.path, { id }),
    ScorecardVersionResponse,
  );
  await cacheScorecardVersion(version);
}

export async function loadEvaluations(agentId?: string): Promise<void> {
  const query = agentId ? `?agent=${encodeURIComponent(agentId)}&limit=1000` : '?limit=1000';
  const { evaluations } = await authorizedGet(`${R.evaluations.path}${query}`, EvaluationsResponse);
  await cacheEvaluations(evaluations);
}

export async function loadCalibrations(): Promise<void> {
  const { calibrations } = await authorizedGet(R.calibrations.path, CalibrationsResponse);
  await cacheCalibrations(calibrations);
}

/** A session with the evaluations the caller may see (everyone's once it is closed). */
export async function loadCalibration(id: string): Promise<Evaluation[]> {
  const { calibration, evaluations } = await authorizedGet(
    routePath(R.calibration.path, { id }),
    CalibrationResponse,
  );
  await cacheCalibrations([calibration]);
  return evaluations;
}

export async function fetchCalibrationReport(id: string): Promise<CalibrationReport> {
  return authorizedGet(routePath(R.calibrationReport.path, { id }), CalibrationReportResponse);
}

/** Coaches, supervisors and admins of every team: who can be put in a calibration session. */
export async function fetchRaters(): Promise<Rater[]> {
  const { raters } = await authorizedGet(R.raters.path, RatersResponse);
  return raters;
}

export async function fetchWorklist(): Promise<WorkItem[]> {
  const { items } = await authorizedGet(R.worklist.path, WorklistResponse);
  return items;
}

export async function loadFollowUps(): Promise<void> {
  const { tasks } = await authorizedGet(R.followUps.path, FollowUpsResponse);
  await cacheFollowUps(tasks);
}

export function fetchTrend(by: AnalyticsDimension, period: 'day' | 'week' | 'month') {
  return authorizedGet(`${R.analyticsTrend.path}?by=${by}&period=${period}`, AnalyticsTrendResponse);
}

export function fetchBeforeAfter() {
  return authorizedGet(R.analyticsBeforeAfter.path, BeforeAfterResponse);
}

export function fetchCsat() {
  return authorizedGet(R.analyticsCsat.path, CsatResponse);
}

/** The contact under review, read live (a coach may not hold it in the cache). */
export async function fetchContact(id: string): Promise<ContactDetail> {
  const { contact } = await authorizedGet(routePath(API_ROUTES.contact, { id }), ContactResponse);
  return contact;
}

/** An agent's recent contacts, for a coach picking one by hand (after a complaint, a low CSAT). */
export async function fetchAgentContacts(agentId: string, status?: 'closed'): Promise<Contact[]> {
  const { contacts } = await authorizedGet(
    `${API_ROUTES.contacts}?agent=${encodeURIComponent(agentId)}&limit=50${status ? `&status=${status}` : ''}`,
    ContactListResponse,
  );
  return contacts;
}
