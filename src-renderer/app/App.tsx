import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Root } from './Root';
import { cssVariablesResolver, theme } from './theme';

/** Providers around the console. */
export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <Root />
    </MantineProvider>
  );
}
