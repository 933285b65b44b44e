import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { SignInScreen } from '../features/auth/SignInScreen';
import { useAppStore } from '../store/store';
import { restoreSession } from '../sync/session';
import { AppLayout } from './AppLayout';

/** Restores the session once, then shows the sign-in screen or the console. */
export function Root() {
  const phase = useAppStore((s) => s.phase);
  useEffect(() => {
    void restoreSession();
  }, []);
  if (phase === 'restoring') {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  return phase === 'signed-in' ? <AppLayout /> : <SignInScreen />;
}
