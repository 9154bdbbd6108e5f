import { Alert } from '@mantine/core';

/** What the server refused that no field of the form shows (see applyServerErrors). */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {error}
    </Alert>
  );
}
