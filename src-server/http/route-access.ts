import type { RouteOptions } from 'fastify';
import { ROLES, type Role } from '../../src-shared/protocol/auth';

/**
 * Who may call a route, as its `authenticate(...roles)` hook declares it: the roles (none: any
 * signed-in person). The data a caller then sees within those roles (their queues, their team,
 * everyone) is the route's scope, said in its summary and applied by the feature's reads.
 */
export interface RouteAccess {
  roles: readonly Role[];
}

const ACCESS = new WeakMap<object, RouteAccess>();

/** Marks a hook as a route's access check, so `declareAccess` can find and describe it. */
export function tagAccess<H extends object>(hook: H, access: RouteAccess): H {
  ACCESS.set(hook, access);
  return hook;
}

const listOf = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** "supervisor or admin"; any signed-in person for a check without roles. */
export const whoMayCall = ({ roles }: RouteAccess): string =>
  roles.length === 0 ? 'any signed-in person' : roles.join(' or ');

/**
 * An `onRoute` hook: a route whose hooks hold an access check (wherever the route lists it) gets
 * it run first, on `onRequest`, so a caller without the role is refused (401/403) before the body
 * is parsed or validated; and the OpenAPI document says who may call it — `x-roles` (the roles
 * that may, every role for any signed-in person) and a line in the description.
 */
export function declareAccess(route: RouteOptions): void {
  const onRequest = listOf(route.onRequest);
  const preHandler = listOf(route.preHandler);
  const check = [...onRequest, ...preHandler].find((hook) => ACCESS.has(hook));
  const access = check && ACCESS.get(check);
  if (!check || !access) return;
  route.onRequest = [check, ...onRequest.filter((hook) => hook !== check)];
  const rest = preHandler.filter((hook) => hook !== check);
  route.preHandler = rest.length > 0 ? rest : undefined;
  const schema: Record<string, unknown> = { ...route.schema };
  const line = `Who may call: ${whoMayCall(access)}.`;
  const description = typeof schema.description === 'string' ? `${schema.description}\n\n${line}` : line;
  const documented: Record<string, unknown> = {
    ...schema,
    description,
    'x-roles': access.roles.length === 0 ? [...ROLES] : [...access.roles],
  };
  route.schema = documented; // an OpenAPI extension: FastifySchema does not list `x-` keys
}
