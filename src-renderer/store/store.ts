import { create } from 'zustand';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = SessionSlice & ConnectionSlice & UiSlice;

/** The console's one store: session, connection and UI state — never copies of server data (that is Dexie). */
export const useAppStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createConnectionSlice(...a),
  ...createUiSlice(...a),
}));

/** Reset what belongs to the signed-in person (the screen they were on, what they had open). */
export function resetUiState(): void {
  useAppStore.setState({
    screen: null,
    selectedCustomerId: null,
    selectedCaseId: null,
    requestedEvaluationId: null,
  });
}
