// The database schema, one file per area (drizzle-kit reads the tables exported here).
export * from './schema/people';
export * from './schema/customers';
export * from './schema/channels';
export * from './schema/routing';
export * from './schema/sync';
export * from './schema/kpi';
export * from './schema/supervision';
export * from './schema/coaching';
export * from './schema/surveys';
export * from './schema/canned';
