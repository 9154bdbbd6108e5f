import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';

/**
 * Follow an objective: hear of its comments and of its key results turning at risk or off track. A toggle button
 * (aria-pressed) with the number of followers beside it; the page's query says whether the caller follows.
 */
export function FollowButton({ objectiveId, isFollowedByMe, followerCount }: { objectiveId: string; isFollowedByMe: boolean; followerCount: number }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (follow: boolean) => (follow ? api.objectives.followObjective(objectiveId) : api.objectives.unfollowObjective(objectiveId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['okr', 'objective', objectiveId] }),
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant={isFollowedByMe ? 'filled' : 'default'}
        aria-pressed={isFollowedByMe}
        loading={toggle.isPending}
        onClick={() => toggle.mutate(!isFollowedByMe)}
        title="Followers hear of its comments and of its key results turning at risk or off track."
      >
        {isFollowedByMe ? 'Following' : 'Follow'}
      </Button>
      <Text size="xs" c="dimmed">
        {followerCount === 1 ? '1 follower' : `${followerCount} followers`}
      </Text>
      {toggle.error && (
        <Text size="xs" c="red" role="alert">
          {describeError(toggle.error).message}
        </Text>
      )}
    </Group>
  );
}
