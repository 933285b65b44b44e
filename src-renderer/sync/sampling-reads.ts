import { COACHING_ROUTES, SamplingPlansResponse } from '../../src-shared/protocol/coaching-http';
import { authorizedGet } from './remote-reads';

/** Sampling plans and their latest draws, read live: a coach sets them up online. */
export function fetchSamplingPlans() {
  return authorizedGet(COACHING_ROUTES.samplingPlans.path, SamplingPlansResponse);
}
