import { createHash } from 'node:crypto';

/** What a command asks, whatever its id: its type, its (parsed) payload and the version it saw. */
export interface CommandContent {
  type: string;
  payload: unknown;
  expectedVersion?: number | undefined;
}

/**
 * SHA-256 (hex) of a command's content in a canonical JSON (keys sorted), stored on its applied
 * row: a repeat of the command hashes alike whatever order its keys came in, a different command
 * sent under the same id does not.
 */
export function commandHash(command: CommandContent): string {
  const content = {
    type: command.type,
    payload: command.payload,
    expectedVersion: command.expectedVersion ?? null,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with every object's keys in order; `undefined` members left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member !== 'object' || member === null || Array.isArray(member)) return member;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(member).sort()) sorted[key] = (member as Record<string, unknown>)[key];
    return sorted;
  });
}
