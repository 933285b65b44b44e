import type { z } from 'zod';
import {
  AdminUsersResponse,
  CaseResponse,
  CustomerResponse,
  CustomerSearchResponse,
  KbSearchResponse,
  VolumeResponse,
} from '../../src-shared/protocol/http';
import type { KbArticle, VolumeDay } from '../../src-shared/protocol/entities';
import { API_ROUTES, routePath } from '../../src-shared/protocol/routes';
import {
  cacheCaseDetail,
  cacheCustomerDetail,
  cacheCustomers,
  cacheKbArticles,
  cacheUsers,
} from '../data/directory-repository';
import { KPI_REPORT_ROUTE, KpiReportResponse } from '../../src-shared/protocol/kpi-report';
import { authorizedRequest } from './authorized-request';
import { InteractionsResponse } from '../../src-shared/protocol/interactions';
import { cacheInteractions } from '../data/interactions-repository';

/** An authorized GET; an expired access token is refreshed once and the call repeated. */
export function authorizedGet<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  return authorizedRequest(path, schema);
}

/** Customer search on the server; the results land in the cache, where the screen reads them. */
export async function searchCustomers(query: string): Promise<void> {
  const { customers } = await authorizedGet(
    `${API_ROUTES.customers}?q=${encodeURIComponent(query)}`,
    CustomerSearchResponse,
  );
  await cacheCustomers(customers);
}

export async function loadCustomer(customerId: string): Promise<void> {
  const { customer } = await authorizedGet(
    routePath(API_ROUTES.customer, { id: customerId }),
    CustomerResponse,
  );
  await cacheCustomerDetail(customer);
}

/** A customer's last interactions on every channel, into the cache the Screen pop reads. */
export async function loadInteractions(customerId: string): Promise<void> {
  const { interactions } = await authorizedGet(
    routePath(API_ROUTES.customerInteractions, { id: customerId }),
    InteractionsResponse,
  );
  await cacheInteractions(customerId, interactions);
}

export async function loadCase(caseId: string): Promise<void> {
  const { case: detail } = await authorizedGet(routePath(API_ROUTES.case, { id: caseId }), CaseResponse);
  await cacheCaseDetail(detail);
}

export async function searchKb(query: string): Promise<KbArticle[]> {
  const { articles } = await authorizedGet(
    `${API_ROUTES.kbArticles}?q=${encodeURIComponent(query)}`,
    KbSearchResponse,
  );
  await cacheKbArticles(articles);
  return articles;
}

/** Contacts per day and channel (not cached: reports are read live). */
export async function fetchVolume(days = 30): Promise<VolumeDay[]> {
  const response = await authorizedGet(`${API_ROUTES.volumeReport}?days=${days}`, VolumeResponse);
  return response.days;
}

export async function loadUsers(): Promise<void> {
  const { users } = await authorizedGet(API_ROUTES.adminUsers, AdminUsersResponse);
  await cacheUsers(users);
}

/** The KPI report for a query (`GET /api/v1/reports/kpis`); values are query-string text. */
export function fetchKpiReport(query: Record<string, string>): Promise<KpiReportResponse> {
  return authorizedGet(`${KPI_REPORT_ROUTE}?${new URLSearchParams(query).toString()}`, KpiReportResponse);
}
