/** HTTP paths of the integration surface (PRODUCT.md). */
export const API_ROUTES = {
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/me',
  openapi: '/api/v1/openapi.json',
  customers: '/api/v1/customers',
  customer: '/api/v1/customers/:id',
  customerInteractions: '/api/v1/customers/:id/interactions',
  customerSurveyPreference: '/api/v1/customers/:id/survey-preference',
  case: '/api/v1/cases/:id',
  attachment: '/api/v1/attachments/:id',
  agents: '/api/v1/agents',
  queues: '/api/v1/queues',
  teams: '/api/v1/teams',
  kbArticles: '/api/v1/kb/articles',
  volumeReport: '/api/v1/reports/volume',
  adminUsers: '/api/v1/admin/users',
  contacts: '/api/v1/contacts',
  contact: '/api/v1/contacts/:id',
  contactCandidates: '/api/v1/contacts/:id/candidates',
  skills: '/api/v1/skills',
  // supervision (issue 14)
  contactReassign: '/api/v1/contacts/:id/reassign',
  contactJump: '/api/v1/contacts/:id/jump',
  contactImpact: '/api/v1/contacts/:id/impact',
  contactReassignments: '/api/v1/contacts/:id/reassignments',
  reassignmentAudit: '/api/v1/audit/reassignments',
  agentState: '/api/v1/agents/:id/state',
  broadcasts: '/api/v1/broadcasts',
  broadcastAcknowledge: '/api/v1/broadcasts/:id/acknowledge',
  alerts: '/api/v1/alerts',
  boardToday: '/api/v1/board/today',
  alertAcknowledge: '/api/v1/alerts/:id/acknowledge',
  notifications: '/api/v1/notifications',
  escalationRules: '/api/v1/admin/escalation-rules',
  cannedResponses: '/api/v1/canned-responses',
} as const;

/** Fill `:param` placeholders of a route. */
export const routePath = (route: string, params: Record<string, string>): string =>
  route.replace(/:([a-zA-Z]+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
