import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCommandRegistry } from '../../../src-server/command-registry';
import { anyone } from '../../../src-server/features/access/command-scopes';
import { addNoteCommand } from '../../../src-server/features/cases/add-note.command';
import type {
  CommandContext,
  CommandDefinition,
  CommandOutcome,
  CommandRegistry,
} from '../../../src-server/features/sync/command-bus';
import { ROLES, type Role } from '../../../src-shared/protocol/auth';
import {
  COMMAND_RESULTS,
  type CommandEntityOf,
  type CommandResultSchemas,
} from '../../../src-shared/protocol/command-results';
import {
  Command,
  COMMAND_TYPES as T,
  type CommandOf,
  type CommandType,
} from '../../../src-shared/protocol/commands';

/**
 * Adding a command is filling in one typed entry, and a forgotten declaration does not compile.
 * The `@ts-expect-error` lines below are checked by `tsc -b` (tests/tsconfig.json takes this
 * file): each marks a definition the compiler must reject. Were the types ever loosened so that
 * one compiled, the directive itself would be the error. The runtime half checks the same
 * declarations on the registry the server builds, for entries typed around the compiler.
 */

const REGISTRY = createCommandRegistry({ mailFrom: 'support@test.invalid', kickOutbound: () => {} });
const COMMAND_TYPES_PARSED: CommandType[] = Command.options.map((option) => option.shape.type.value);

/** `table` without one key, typed as such (what a forgotten entry looks like to the compiler). */
function without<O extends object, K extends keyof O>(table: O, key: K): Omit<O, K> {
  const { [key]: _dropped, ...rest } = table;
  return rest;
}

describe('the compiler rejects an incomplete command declaration', () => {
  // Each is a real definition with one part left out.
  const { handle, scope } = addNoteCommand;
  const withoutWho = { scope, handle };
  const withoutScope = { who: ['agent'] as const, handle };
  const withoutHandle = { who: ['agent'] as const, scope: anyone };
  const unknownRole = { who: ['visitor'] as const, scope, handle };
  /** A handler of agent:set-state answering a note, where its result schema says an agent. */
  const aNoteOutcome = (): Promise<CommandOutcome<CommandEntityOf<typeof T.addNote>>> =>
    Promise.reject(new Error('never run'));
  const answersTheWrongEntity = (_ctx: CommandContext, _command: CommandOf<typeof T.setAgentState>) =>
    aNoteOutcome();

  it('needs who, scope and handle, a role that exists, and the entity of its result schema', () => {
    // @ts-expect-error no `who`: nobody declared who may send it
    const noWho: CommandDefinition<typeof T.addNote> = withoutWho;
    // @ts-expect-error no `scope`: nothing declared about what it may touch
    const noScope: CommandDefinition<typeof T.addNote> = withoutScope;
    // @ts-expect-error no `handle`
    const noHandle: CommandDefinition<typeof T.addNote> = withoutHandle;
    // @ts-expect-error `who` names a role the product does not have
    const badRole: CommandDefinition<typeof T.addNote> = unknownRole;
    // @ts-expect-error answers a Note where agent:set-state's result schema is an Agent
    const wrongResult: CommandDefinition<typeof T.setAgentState>['handle'] = answersTheWrongEntity;
    expect([noWho, noScope, noHandle, badRole, wrongResult]).toHaveLength(5);
  });

  it('needs an entry for every command type, and a result schema for every command type', () => {
    // @ts-expect-error the registry lacks case:add-note
    const incomplete: CommandRegistry = without(REGISTRY, T.addNote);
    // @ts-expect-error case:add-note's definition under agent:set-state
    const misplaced: CommandRegistry = { ...REGISTRY, [T.setAgentState]: addNoteCommand };
    // @ts-expect-error the result schemas lack case:add-note
    const noResultSchema: CommandResultSchemas = without(COMMAND_RESULTS, T.addNote);
    // @ts-expect-error a result "schema" that is not a schema
    const notASchema: CommandResultSchemas = { ...COMMAND_RESULTS, [T.addNote]: 'Note' };
    expect([incomplete, misplaced, noResultSchema, notASchema]).toHaveLength(4);
  });
});

describe('the registry the server builds', () => {
  it('has one entry for every command type the protocol parses, and no other', () => {
    expect(Object.keys(REGISTRY).sort()).toEqual([...COMMAND_TYPES_PARSED].sort());
  });

  it('has one result schema for every command type, and no other', () => {
    expect(Object.keys(COMMAND_RESULTS).sort()).toEqual([...COMMAND_TYPES_PARSED].sort());
    const notSchemas = COMMAND_TYPES_PARSED.filter((type) => !(COMMAND_RESULTS[type] instanceof z.ZodType));
    expect(notSchemas, 'result schemas that are not zod schemas').toEqual([]);
  });

  it.each(COMMAND_TYPES_PARSED)('declares who, scope and handle for %s', (type) => {
    const definition: { who?: readonly Role[]; scope?: unknown; handle?: unknown } = REGISTRY[type];
    expect(definition.who?.length, 'roles in `who`').toBeGreaterThan(0);
    expect(
      definition.who?.filter((role) => !ROLES.includes(role)),
      'unknown roles',
    ).toEqual([]);
    expect(typeof definition.scope, '`scope`').toBe('function');
    expect(typeof definition.handle, '`handle`').toBe('function');
  });
});
