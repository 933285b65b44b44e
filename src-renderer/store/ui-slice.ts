import type { StateCreator } from 'zustand';

export const SCREENS = ['queue', 'quality', 'supervisor', 'coaching', 'reports', 'admin'] as const;
export type Screen = (typeof SCREENS)[number];

export interface UiSlice {
  /** The state-based router: which screen the shell shows. */
  screen: Screen | null;
  selectedCustomerId: string | null;
  selectedCaseId: string | null;
  /** An evaluation a notice asked to open; the screen that shows it takes (and clears) it. */
  requestedEvaluationId: string | null;
  navigate(screen: Screen): void;
  requestEvaluation(evaluationId: string | null): void;
  openCustomer(customerId: string | null): void;
  openCase(caseId: string | null): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  screen: null,
  selectedCustomerId: null,
  selectedCaseId: null,
  requestedEvaluationId: null,
  navigate: (screen) => set({ screen }),
  requestEvaluation: (requestedEvaluationId) => set({ requestedEvaluationId }),
  openCustomer: (selectedCustomerId) => set({ selectedCustomerId, selectedCaseId: null }),
  openCase: (selectedCaseId) => set({ selectedCaseId }),
});
