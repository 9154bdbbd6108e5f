import { memo, useMemo } from 'react';
import { Badge, Box, Group, Progress, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  type Node,
  type NodeProps,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Link, useNavigate } from 'react-router';
import { StatusBadge, statusLabel } from '../Status';
import { percent } from '../format';
import { statusTint, statusVar } from './colors';
import {
  layoutAlignment,
  type AlignmentFlowNode,
  type GraphEdge,
  type GraphNode,
  type KeyResultFlowNode,
  type ObjectiveFlowNode,
  type UnitFlowNode,
} from './alignmentLayout';

const hiddenHandle = { opacity: 0, width: 6, height: 6, minWidth: 0, minHeight: 0, border: 0, pointerEvents: 'none' } as const;

const UnitNode = memo(function UnitNode({ data }: NodeProps<UnitFlowNode>) {
  return (
    <Box
      h="100%"
      w="100%"
      style={{
        borderRadius: 12,
        border: `1.5px ${data.external ? 'dashed' : 'solid'} var(--mantine-color-gray-4)`,
        background: data.external ? 'transparent' : 'var(--mantine-color-gray-0)',
      }}
    >
      <Group px={12} pt={6} gap={6} wrap="nowrap">
        <Text fw={700} size="sm" truncate>
          {data.name}
        </Text>
        {data.external && (
          <Text size="xs" c="dimmed">
            outside this view
          </Text>
        )}
      </Group>
    </Box>
  );
});

const stateWord: Record<string, string | null> = { DRAFT: 'Draft', CLOSED: 'Closed', CANCELLED: 'Cancelled', ACTIVE: null };

const ObjectiveNode = memo(function ObjectiveNode({ data }: NodeProps<ObjectiveFlowNode>) {
  const state = stateWord[data.state];
  return (
    <Box
      h="100%"
      px={10}
      py={8}
      style={{
        background: 'var(--mantine-color-body)',
        borderRadius: 10,
        border: `1px solid ${statusVar(data.status, 3)}`,
        borderLeft: `6px solid ${statusVar(data.status)}`,
        boxShadow: 'var(--mantine-shadow-xs)',
        cursor: 'pointer',
        opacity: data.state === 'DRAFT' || data.state === 'CANCELLED' ? 0.85 : 1,
      }}
      title={data.label}
    >
      <Handle id="top" type="source" position={Position.Top} isConnectable={false} style={hiddenHandle} />
      <Handle id="bottom" type="target" position={Position.Bottom} isConnectable={false} style={hiddenHandle} />
      <Handle id="left" type="target" position={Position.Left} isConnectable={false} style={hiddenHandle} />
      <Handle id="right" type="target" position={Position.Right} isConnectable={false} style={hiddenHandle} />
      <Text
        component={Link}
        to={`/objectives/${data.objectiveId}`}
        className="nodrag nopan"
        size="sm"
        fw={600}
        lineClamp={2}
        lh={1.25}
        c="inherit"
        style={{ textDecoration: 'none' }}
      >
        {data.label}
      </Text>
      <Group gap={6} mt={4} wrap="nowrap">
        <StatusBadge status={data.status} size="xs" />
        {state && (
          <Badge size="xs" variant="outline" color="gray">
            {state}
          </Badge>
        )}
        {data.external && data.periodName && (
          <Badge size="xs" variant="outline" color="gray">
            {data.periodName}
          </Badge>
        )}
        <Text size="xs" fw={700} ml="auto">
          {percent(data.progress)}
        </Text>
      </Group>
      <Progress value={data.progress * 100} color={statusVar(data.status)} size="sm" radius="xl" mt={5} aria-hidden />
    </Box>
  );
});

const KeyResultNode = memo(function KeyResultNode({ data }: NodeProps<KeyResultFlowNode>) {
  return (
    <Box
      h="100%"
      px={8}
      py={5}
      style={{
        background: statusTint(data.status),
        borderRadius: 8,
        border: `1px solid ${statusVar(data.status, 3)}`,
        cursor: 'pointer',
      }}
      title={`${data.title} — ${data.status ? statusLabel[data.status] : 'no status'}, ${percent(data.progress)}`}
    >
      <Handle id="left" type="target" position={Position.Left} isConnectable={false} style={hiddenHandle} />
      <Handle id="right" type="target" position={Position.Right} isConnectable={false} style={hiddenHandle} />
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text size="xs" lineClamp={2} lh={1.25} style={{ flex: 1 }}>
          {data.title}
        </Text>
        <Text size="xs" fw={700} c={statusVar(data.status, 8)}>
          {percent(data.progress)}
        </Text>
      </Group>
    </Box>
  );
});

const nodeTypes: NodeTypes = { unit: UnitNode, objective: ObjectiveNode, keyResult: KeyResultNode };

function miniMapColor(node: Node): string {
  const flow = node as AlignmentFlowNode;
  if (flow.type === 'objective' || flow.type === 'keyResult') return statusVar(flow.data.status);
  return 'var(--mantine-color-gray-2)';
}

/** The organisation's objectives as a zoomable graph: units as boxes, objectives and key results inside, alignments as edges. */
export function AlignmentMap({
  nodes: graphNodes,
  edges: graphEdges,
  showKeyResults,
  height,
}: {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  showKeyResults: boolean;
  height: number | string;
}) {
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const layout = useMemo(() => layoutAlignment(graphNodes, graphEdges, { showKeyResults }), [graphNodes, graphEdges, showKeyResults]);

  return (
    <Box h={height} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }} data-testid="alignment-map">
      <ReactFlow
        // A new layout (other period, key results shown or not) fits the view again.
        key={`${showKeyResults}:${layout.nodes.length}:${layout.edges.length}`}
        nodes={layout.nodes}
        edges={layout.edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.06, maxZoom: 1 }}
        minZoom={0.1}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        edgesFocusable={false}
        onNodeClick={(_, node) => {
          const flow = node as AlignmentFlowNode;
          if (flow.type === 'objective' || flow.type === 'keyResult') void navigate(`/objectives/${flow.data.objectiveId}`);
        }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        {!phone && <MiniMap nodeColor={miniMapColor} pannable zoomable position="bottom-right" ariaLabel="Overview of the alignment map" />}
      </ReactFlow>
    </Box>
  );
}
