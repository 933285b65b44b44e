import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

/** Renders a coaching component the way the console does, inside Mantine. */
export function renderInMantine(element: ReactElement) {
  return render(<MantineProvider>{element}</MantineProvider>);
}
