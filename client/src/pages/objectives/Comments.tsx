import { useState } from 'react';
import { Avatar, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError, ifMatch } from '../../api/http';
import { api } from '../../api/rest';
import { useMember } from '../../auth/session';
import { ErrorAlert } from '../../components/States';
import { MentionTextarea } from '../../components/notifications/MentionTextarea';
import { rereadWhenStale } from '../../components/gaps/stale';
import { formatDate, relativeDays } from '../../components/format';

export interface CommentItem {
  id: string;
  /** Sent in If-Match when editing or deleting. */
  version: number;
  text: string;
  createdAt: string;
  editedAt: string | null;
  author: { id: string; displayName: string } | null;
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** The discussion of an objective: read, add, and edit or delete your own. */
export function Comments({ objectiveId, comments }: { objectiveId: string; comments: readonly CommentItem[] }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: (body: string) => api.comments.createComment({ objectiveId, text: body }),
    onSuccess: async (_, posted) => {
      // Only what was posted is cleared: anything typed while it was on its way stays.
      setText((current) => (current.trim() === posted ? '' : current));
      await queryClient.invalidateQueries({ queryKey: ['okr'] });
    },
  });
  const post = () => {
    if (text.trim() && !add.isPending) add.mutate(text.trim()); // one post at a time: a second Ctrl+Enter does not duplicate it
  };
  const fieldError = add.error ? describeError(add.error).fieldErrors : {};
  const textError = Object.entries(fieldError).find(([k]) => k.toLowerCase() === 'text')?.[1]?.join(' ');

  return (
    <Card component="section" aria-labelledby="comments-title" id="comments">
      <Stack gap="md">
        <Title order={2} size="h4" id="comments-title">
          Comments ({comments.length})
        </Title>
        {comments.length === 0 && (
          <Text size="sm" c="dimmed">
            No comments yet. Questions, critique and praise belong here.
          </Text>
        )}
        {comments.map((comment) => (
          <CommentView key={comment.id} comment={comment} />
        ))}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            post();
          }}
        >
          <Stack gap="xs">
            <MentionTextarea
              label="Add a comment"
              autosize
              minRows={2}
              maxRows={8}
              value={text}
              onChange={setText}
              error={textError}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  post();
                }
              }}
            />
            {add.error && !textError && <ErrorAlert error={add.error} title="The comment was not posted" />}
            <Group justify="flex-end">
              <Button type="submit" size="sm" loading={add.isPending} disabled={!text.trim()}>
                Comment
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

function CommentView({ comment }: { comment: CommentItem }) {
  const member = useMember();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const mine = comment.author?.id === member.personId;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['okr'] });
  // Both send the version read in If-Match: a comment changed meanwhile is refused (412), re-read, and what was typed
  // stays in the box for another try.
  const save = useMutation({
    mutationFn: (text: string) => rereadWhenStale(() => api.comments.updateComment(comment.id, { text }, ifMatch(comment.version)), refresh),
    onSuccess: async () => {
      await refresh();
      setEditing(null);
    },
  });
  const remove = useMutation({
    mutationFn: () => rereadWhenStale(() => api.comments.deleteComment(comment.id, ifMatch(comment.version)), refresh),
    onSuccess: refresh,
  });
  const name = comment.author?.displayName ?? 'Someone';

  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="comment">
      <Avatar radius="xl" size="sm" color="indigo" aria-hidden>
        {initials(name)}
      </Avatar>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm">
          <Text span fw={600} inherit>
            {name}
          </Text>{' '}
          <Text span c="dimmed" size="xs" title={formatDate(comment.createdAt)}>
            {relativeDays(comment.createdAt)}
            {comment.editedAt && ' · edited'}
          </Text>
        </Text>
        {editing !== null ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (editing.trim()) save.mutate(editing.trim());
            }}
          >
            <Stack gap="xs">
              <Textarea
                label="Edit your comment"
                autosize
                minRows={2}
                value={editing}
                onChange={(event) => setEditing(event.currentTarget.value)}
                autoFocus
              />
              {save.error && <ErrorAlert error={save.error} title="The comment was not saved" />}
              <Group gap="xs">
                <Button type="submit" size="xs" loading={save.isPending} disabled={!editing.trim()}>
                  Save
                </Button>
                <Button variant="default" size="xs" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {comment.text}
          </Text>
        )}
        {remove.error && <ErrorAlert error={remove.error} title="The comment was not deleted" />}
        {mine && editing === null && (
          <Group gap={4}>
            {confirming ? (
              <>
                <Text size="xs">Delete this comment?</Text>
                <Button size="compact-xs" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                  Delete
                </Button>
                <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
                  Keep it
                </Button>
              </>
            ) : (
              <>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(comment.text)} aria-label={`Edit your comment from ${formatDate(comment.createdAt)}`}>
                  Edit
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setConfirming(true)}
                  aria-label={`Delete your comment from ${formatDate(comment.createdAt)}`}
                >
                  Delete
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
    </Group>
  );
}
