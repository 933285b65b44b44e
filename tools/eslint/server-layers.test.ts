import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import serverLayers, { serverLayerOf } from './server-layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, '..', '..');
const file = (relative: string) => path.join(root, relative);
const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});

ruleTester.run('server-layers', serverLayers, {
  valid: [
    // Downward and sideways.
    { filename: file('src-server/db/seed.ts'), code: "import { hashPassword } from '../platform/password';" },
    {
      filename: file('src-server/routing/deadlines.ts'),
      code: "import { lockContact } from '../features/contacts/contacts.repository';",
    },
    {
      filename: file('src-server/features/contacts/work.commands.ts'),
      code: "import { settleAgent } from '../agents/agent-work';",
    },
    // A route file is the edge, above routing and supervision.
    {
      filename: file('src-server/features/cases/cases.routes.ts'),
      code: "import { notify } from '../../supervision/notifications.repository';",
    },
    // Channels sit above the edge; the app above everything.
    {
      filename: file('src-server/channels/web/web-form.route.ts'),
      code: "import { runAsCommand } from '../../http/run-command';",
    },
    { filename: file('src-server/app.ts'), code: "import { createChannels } from './channels/channels';" },
    // Packages, src-shared and files outside src-server are another rule's business.
    { filename: file('src-server/db/seed.ts'), code: "import { z } from 'zod';" },
    {
      filename: file('src-server/platform/config.ts'),
      code: "import { Role } from '../../src-shared/protocol/entities';",
    },
    // Files outside src-server are not layered.
    {
      filename: file('tests/server/auth.test.ts'),
      code: "import { createApp } from '../../src-server/app';",
    },
  ],
  invalid: [
    {
      filename: file('src-server/db/seed.ts'),
      code: "import { DEFAULT_QUEUE_ROUTING } from '../routing/routing-defaults';",
      errors: [
        {
          message:
            "db (src-server/db/seed.ts) may not import '../routing/routing-defaults' from the higher layer routing: server layers import downward only (platform < db < identity < spine < features < routing < supervision < edge < channels < app). Move the piece down, or let the higher layer register it.",
        },
      ],
    },
    {
      filename: file('src-server/features/sync/catch-up.ts'),
      code: "import { listAgents } from '../agents/agents.repository';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src-server/routing/deadlines.ts'),
      code: "import { visitorGoneDue } from '../channels/web/chat-conversations';",
      errors: [{ messageId: 'upward' }],
    },
    // A type from above is still knowledge of the layer above.
    {
      filename: file('src-server/supervision/supervision-wiring.ts'),
      code: "import type { RouteDeps } from '../http/route-deps';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src-server/features/cases/cases.repository.ts'),
      code: "export { escalationsOfCase } from '../../supervision/escalation-history';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src-server/platform/config.ts'),
      code: "const db = await import('../db/database');",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src-server/misc/helper.ts'),
      code: 'export const x = 1;',
      errors: [{ messageId: 'unknown' }],
    },
  ],
});

describe('serverLayerOf', () => {
  it('places each server folder in its layer', () => {
    expect(serverLayerOf('src-server/platform/password.ts')).toBe('platform');
    expect(serverLayerOf('src-server/features/auth/actor.ts')).toBe('identity');
    expect(serverLayerOf('src-server/features/sync/command-bus.ts')).toBe('spine');
    expect(serverLayerOf('src-server/features/kpi/kpi.routes.ts')).toBe('edge');
    expect(serverLayerOf('src-server/channels/web/web-form.route.ts')).toBe('channels');
    expect(serverLayerOf('src-server/index.ts')).toBe('app');
  });
});
