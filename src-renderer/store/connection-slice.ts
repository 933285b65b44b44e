import type { StateCreator } from 'zustand';

export type ConnectionStatus = 'online' | 'reconnecting' | 'offline';

export interface ConnectionSlice {
  connection: ConnectionStatus;
  setConnection(status: ConnectionStatus): void;
}

export const createConnectionSlice: StateCreator<ConnectionSlice, [], [], ConnectionSlice> = (set) => ({
  connection: 'offline',
  setConnection: (connection) => set({ connection }),
});
