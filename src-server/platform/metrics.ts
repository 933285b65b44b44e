import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance, so tests can build many apps in one process. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'agentdeck_' });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'agentdeck_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    socketConnections: new Gauge({
      name: 'agentdeck_socket_connections',
      help: 'Console sockets connected to this node',
      registers: [registry],
    }),
    commands: new Counter({
      name: 'agentdeck_commands_total',
      help: 'Commands handled, by type and outcome',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    eventsAppended: new Counter({
      name: 'agentdeck_events_appended_total',
      help: 'Events appended to the log by this node',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
