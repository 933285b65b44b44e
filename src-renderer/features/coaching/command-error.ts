import { CommandRefusedError } from '../../sync/online-command';

/** What to tell the person when a command did not go through: the server's reason, or "offline". */
export function commandErrorText(err: unknown, offline: string): string {
  return err instanceof CommandRefusedError ? err.message : offline;
}
