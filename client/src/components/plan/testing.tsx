/** Test helpers for the plan components (imported by *.test.tsx only). */
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';

// Mantine's autosize textarea listens to document.fonts, which jsdom lacks.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

export function renderWithMantine(ui: ReactNode) {
  return render(<MantineProvider>{ui}</MantineProvider>);
}

/** A problem as the NSwag client throws it (ApiException). */
export function problem(status: number, body: object) {
  return { isApiException: true, status, response: JSON.stringify(body) };
}

/** Replaces an input's text in one go (typing character by character re-renders the form each time). */
export async function fill(user: UserEvent, element: HTMLElement, text: string) {
  await user.clear(element);
  await user.click(element);
  await user.paste(text);
}
