import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Root } from './Root';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md' });

/** Providers around the console. */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <Root />
    </MantineProvider>
  );
}
