import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import importBoundaries from './import-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, '..', '..');
const file = (relative: string) => path.join(root, relative);
const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});
const rule = importBoundaries.rules['import-directions'];

ruleTester.run('import-directions', rule, {
  valid: [
    // src-shared: itself, zod and libphonenumber-js only.
    { filename: file('src-shared/domain/sla.ts'), code: "import { z } from 'zod';" },
    {
      filename: file('src-shared/domain/phone.ts'),
      code: "import { parsePhoneNumberFromString } from 'libphonenumber-js/min';",
    },
    { filename: file('src-shared/domain/sla.ts'), code: "import { Case } from '../protocol/entities';" },
    // Tests run in vitest on Node: test tooling is fine even in the pure root.
    { filename: file('src-shared/domain/sla.test.ts'), code: "import { it } from 'vitest';" },
    // Every other root may import src-shared.
    {
      filename: file('src-server/app.ts'),
      code: "import { API_ROUTES } from '../src-shared/protocol/routes';",
    },
    { filename: file('src-main/ipc.ts'), code: "import { IPC } from '../src-shared/protocol/ipc';" },
    { filename: file('src-preload/index.ts'), code: "import { IPC } from '../src-shared/protocol/ipc';" },
    {
      filename: file('src-renderer/features/queue/QueueScreen.tsx'),
      code: "import { CaseSummary } from '../../../src-shared/protocol/entities';",
    },
    // Node builtins and electron where they run.
    { filename: file('src-server/index.ts'), code: "import { resolve } from 'node:path';" },
    { filename: file('src-main/window.ts'), code: "import { BrowserWindow } from 'electron';" },
    { filename: file('src-preload/index.ts'), code: "import { contextBridge } from 'electron';" },
    // The preload API as a type, from the renderer and main.
    {
      filename: file('src-renderer/platform/desktop.ts'),
      code: "import type { AppApi } from '../../src-preload/app-api';",
    },
    {
      filename: file('src-main/ipc-handlers.ts'),
      code: "import type { AppApi } from '../src-preload/app-api';",
    },
    {
      filename: file('src-renderer/platform/desktop.ts'),
      code: "type Api = import('../../src-preload/app-api').AppApi;",
    },
    // The local database and the socket from data/ and sync/.
    { filename: file('src-renderer/data/db.ts'), code: "import Dexie from 'dexie';" },
    {
      filename: file('src-renderer/data/case-hooks.ts'),
      code: "import { useLiveQuery } from 'dexie-react-hooks';",
    },
    { filename: file('src-renderer/sync/socket-link.ts'), code: "import { io } from 'socket.io-client';" },
    // Files outside the five roots are not checked.
    {
      filename: file('tests/server/auth.test.ts'),
      code: "import { createApp } from '../../src-server/app';",
    },
  ],
  invalid: [
    {
      filename: file('src-shared/domain/sla.ts'),
      code: "import { Config } from '../../src-server/platform/config';",
      errors: [{ messageId: 'root' }],
    },
    {
      filename: file('src-shared/domain/sla.ts'),
      code: "import dayjs from 'dayjs';",
      errors: [{ messageId: 'package' }],
    },
    {
      filename: file('src-shared/domain/sla.ts'),
      code: "import { readFileSync } from 'node:fs';",
      errors: [{ messageId: 'builtin' }],
    },
    {
      filename: file('src-shared/domain/sla.ts'),
      code: "import { ipcRenderer } from 'electron';",
      errors: [{ messageId: 'electron' }],
    },
    {
      filename: file('src-shared/domain/sla.ts'),
      code: "import seed from '../../resources/seed-data/companies.json';",
      errors: [{ messageId: 'root' }],
    },
    {
      filename: file('src-server/app.ts'),
      code: "import { useStore } from '../src-renderer/store/store';",
      errors: [{ messageId: 'root' }],
    },
    {
      filename: file('src-server/app.ts'),
      code: "export { trayMenu } from '../src-main/tray';",
      errors: [{ messageId: 'root' }],
    },
    {
      filename: file('src-main/window.ts'),
      code: "import { createApp } from '../src-server/app';",
      errors: [{ messageId: 'root' }],
    },
    {
      filename: file('src-preload/index.ts'),
      code: "import { handle } from '../src-main/ipc';",
      errors: [{ messageId: 'root' }],
    },
    {
      filename: file('src-renderer/app/App.tsx'),
      code: "const m = import('../../src-server/app');",
      errors: [{ messageId: 'root' }],
    },
    // The preload API as a value would bundle preload code into the renderer.
    {
      filename: file('src-renderer/platform/desktop.ts'),
      code: "import { AppApi } from '../../src-preload/app-api';",
      errors: [{ messageId: 'typeOnly' }],
    },
    {
      filename: file('src-renderer/platform/desktop.ts'),
      code: "import type { api } from '../../src-preload/index';",
      errors: [{ messageId: 'root' }],
    },
    {
      filename: file('src-renderer/platform/browser.ts'),
      code: "import { join } from 'path';",
      errors: [{ messageId: 'builtin' }],
    },
    {
      filename: file('src-renderer/platform/browser.ts'),
      code: "import { shell } from 'electron';",
      errors: [{ messageId: 'electron' }],
    },
    {
      filename: file('src-server/index.ts'),
      code: "import { app } from 'electron';",
      errors: [{ messageId: 'electron' }],
    },
    // Components and features read the local database and the socket through data/ and sync/.
    {
      filename: file('src-renderer/features/workspace/NoteList.tsx'),
      code: "import { useLiveQuery } from 'dexie-react-hooks';",
      errors: [{ messageId: 'localStore' }],
    },
    {
      filename: file('src-renderer/ui/AgentsTable.tsx'),
      code: "import Dexie from 'dexie';",
      errors: [{ messageId: 'localStore' }],
    },
    {
      filename: file('src-renderer/app/App.tsx'),
      code: "import { io } from 'socket.io-client';",
      errors: [{ messageId: 'localStore' }],
    },
  ],
});
