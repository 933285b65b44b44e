/**
 * The Server field's first value: `?server=` if given, else the page's own origin when the
 * server serves the console, else the local default (the desktop app loads from file://).
 */
export function defaultServerUrl(
  location: Pick<Location, 'search' | 'protocol' | 'origin'>,
  stored: string | null,
): string {
  const fromQuery = new URLSearchParams(location.search).get('server');
  if (fromQuery) return fromQuery;
  if (location.protocol === 'http:' || location.protocol === 'https:') return location.origin;
  return stored ?? 'http://localhost:7400';
}
