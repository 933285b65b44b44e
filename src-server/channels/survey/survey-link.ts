import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config';
import { routePath } from '../../../src-shared/protocol/routes';
import { SURVEY_PAGE_PATH } from '../../../src-shared/protocol/surveys';

/**
 * The survey page's address as a customer opens it: under `AGENTDECK_PUBLIC_URL` when set, else
 * the address this server listens on (fine for a demo on one machine, not for real customers).
 */
export function surveyLinkOf(http: FastifyInstance, config: Pick<Config, 'publicUrl' | 'httpPort'>) {
  return (token: string): string => {
    const path = routePath(SURVEY_PAGE_PATH, { token });
    if (config.publicUrl) return new URL(path, config.publicUrl).toString();
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.httpPort;
    return `http://127.0.0.1:${port}${path}`;
  };
}
