import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ProgressMeter, StatusBadge } from '../Status';
import type { GraphEdge, GraphNode } from './alignmentLayout';

/** The alignment map as text: each unit's objectives with what they align to (for small screens and screen readers). */
export function AlignmentList({ nodes, edges }: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const units: { key: string; name: string; external: boolean; objectives: GraphNode[] }[] = [];
  for (const node of nodes) {
    const key = `${node.unitId}:${node.external}`;
    let unit = units.find((u) => u.key === key);
    if (!unit) {
      unit = { key, name: node.unitName, external: node.external, objectives: [] };
      units.push(unit);
    }
    unit.objectives.push(node);
  }
  return (
    <Stack gap="sm">
      {units.map((unit) => (
        <Paper key={unit.key} withBorder p="md" radius="md" component="section" aria-label={unit.name}>
          <Title order={2} size="h4" mb="xs">
            {unit.name}
            {unit.external && (
              <Text span c="dimmed" size="sm" fw={400}>
                {' '}
                (outside this view)
              </Text>
            )}
          </Title>
          <Stack gap="sm">
            {unit.objectives.map((o) => {
              const parents = edges.filter((e) => e.source === o.id);
              return (
                <Stack key={o.id} gap={4}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Anchor component={Link} to={`/objectives/${o.id}`} fw={600} size="sm" style={{ flex: 1 }}>
                      {o.label}
                    </Anchor>
                    <StatusBadge status={o.status} />
                    {o.state !== 'ACTIVE' && (
                      <Badge size="sm" variant="outline" color="gray">
                        {o.state.toLowerCase()}
                      </Badge>
                    )}
                  </Group>
                  <ProgressMeter progress={o.progress} expected={o.objective.expectedProgress ?? null} status={o.status} />
                  {parents.length > 0 && (
                    <List size="sm" c="dimmed" spacing={2}>
                      {parents.map((e) => {
                        const parent = byId.get(e.target);
                        const kr = parent?.objective.keyResults.find((k) => k.id === e.targetKeyResultId);
                        return (
                          <List.Item key={e.id}>
                            {e.kind === 'CONTRIBUTES' ? `Contributes (×${e.weight}) to` : 'Supports'}{' '}
                            {kr ? (
                              <>
                                the key result “{kr.title}” of{' '}
                              </>
                            ) : null}
                            {parent ? (
                              <Anchor component={Link} to={`/objectives/${parent.id}`} size="sm">
                                {parent.label}
                              </Anchor>
                            ) : (
                              'an objective you cannot see'
                            )}
                          </List.Item>
                        );
                      })}
                    </List>
                  )}
                </Stack>
              );
            })}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
