import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { AdminScreen } from '../features/admin/AdminScreen';
import { CoachingScreen } from '../features/coaching/CoachingScreen';
import { MyEvaluationsScreen } from '../features/coaching/MyEvaluationsScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { SupervisorScreen } from '../features/supervisor/SupervisorScreen';
import type { Screen } from '../store/ui-slice';

// The charts library is most of the bundle and only report readers need it.
const ReportsScreen = lazy(() =>
  import('../features/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })),
);

/** The state-based router's outlet. */
export function ScreenOutlet({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'queue':
      return <QueueScreen />;
    case 'quality':
      return <MyEvaluationsScreen />;
    case 'supervisor':
      return <SupervisorScreen />;
    case 'coaching':
      return <CoachingScreen />;
    case 'reports':
      return (
        <Suspense fallback={<Loader />}>
          <ReportsScreen />
        </Suspense>
      );
    case 'admin':
      return <AdminScreen />;
  }
}
