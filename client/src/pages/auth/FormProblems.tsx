import type { ReactNode } from 'react';
import { Alert, List } from '@mantine/core';
import { describeError } from '../../api/http';

/** What a refused form's answer says: its field errors, or else its title. */
export function problemMessages(error: unknown): string[] {
  const problem = describeError(error);
  const fieldMessages = Object.values(problem.fieldErrors).flat();
  return fieldMessages.length > 0 ? fieldMessages : [problem.message];
}

/** The refusal above a signed-out page's form: one message as a line, several as a list; nothing when there is none. */
export function FormProblems({ messages, title, children }: { messages: string[]; title?: string; children?: ReactNode }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {messages.length === 1 && !title ? (
        messages[0]
      ) : (
        <List size="sm">
          {messages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
      {children}
    </Alert>
  );
}
