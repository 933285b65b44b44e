import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { IpcChannel } from '../src-shared/protocol/ipc-channels';
import { isAppUrl } from './app-location';
import type { AppLocation } from './app-location';

/** Thrown to the renderer when a call is refused; nothing was done. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

export type IpcHandle = <Schema extends z.ZodType, Result>(
  channel: IpcChannel,
  argsSchema: Schema,
  run: (args: z.output<Schema>, event: IpcMainInvokeEvent) => Result | Promise<Result>,
) => void;

function refusalOfSender(event: IpcMainInvokeEvent, location: AppLocation): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'only the main frame may call';
  if (!isAppUrl(frame.url, location)) return `the sender ${JSON.stringify(frame.url)} is not the app`;
  return null;
}

/**
 * Makes the one way to register an IPC handler: it refuses callers that are not the app's main
 * frame, and parses the single argument with the channel's schema before the handler runs.
 */
export function createIpcHandle(location: AppLocation): IpcHandle {
  return (channel, argsSchema, run) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const refusal = refusalOfSender(event, location);
      if (refusal) throw new IpcRefusedError(`${channel} refused: ${refusal}.`);
      if (args.length > 1) throw new IpcRefusedError(`${channel} refused: takes at most one argument.`);
      const parsed = argsSchema.safeParse(args[0]);
      if (!parsed.success) {
        throw new IpcRefusedError(`${channel} refused: bad arguments: ${z.prettifyError(parsed.error)}`);
      }
      return run(parsed.data, event);
    });
  };
}
