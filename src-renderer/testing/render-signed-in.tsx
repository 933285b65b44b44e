import { MantineProvider } from '@mantine/core';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import '../i18n/i18n';
import type { UserPublic } from '../../src-shared/protocol/auth';
import { db } from '../data/db';
import type { ConnectionStatus } from '../store/connection-slice';
import { useAppStore } from '../store/store';
import { installJsdomShims } from './jsdom-shims';

/** The demo's agents and supervisor, as the console holds a signed-in user. */
export const ANA: UserPublic = {
  id: 'usr_ana',
  username: 'ana',
  displayName: 'Ana Torres',
  roles: ['agent'],
  teamId: null,
};
export const EMILY: UserPublic = {
  id: 'usr_emily',
  username: 'emily',
  displayName: 'Emily Brooks',
  roles: ['agent'],
  teamId: null,
};

export interface SignedInAs {
  /** Who is signed in (Ana, an agent, unless given). */
  user?: UserPublic;
  /** The link's state (online unless given). */
  connection?: ConnectionStatus;
}

/**
 * Renders `ui` as the console would: Mantine, the translations (English), the shims jsdom lacks,
 * and a signed-in person in the store. Dexie is the real one (fake-indexeddb): put what the
 * screen reads into `db` first, and call `resetConsole` after each test.
 */
export function renderSignedIn(
  ui: ReactElement,
  { user = ANA, connection = 'online' }: SignedInAs = {},
): RenderResult {
  installJsdomShims();
  useAppStore.setState({ user, connection });
  return render(<MantineProvider>{ui}</MantineProvider>);
}

/** Unmounts what the test rendered and empties this computer's cache (for `afterEach`). */
export async function resetConsole(): Promise<void> {
  cleanup();
  await db.delete({ disableAutoOpen: false });
}
