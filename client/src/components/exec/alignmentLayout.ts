/**
 * Lays out the alignment graph for React Flow, deterministically and without overlaps:
 * - each unit is a box (a group node) holding its objectives, each objective followed by its key results;
 * - boxes sit in rows by level: a unit's row is the lowest level of its objectives (the company's objective is
 *   level 0, so the company is at the top), and rows stack top-down;
 * - inside a row, boxes are ordered by where their parents sit in the rows above (the mean x of the objectives and
 *   key results they align to), then by the graph's own order, so edges cross as little as a simple rule allows;
 * - rows are centred on one axis.
 * Same input, same output: no randomness, no measuring of the DOM.
 */
import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import type { OkrStatusName } from '../Status';

export interface GraphKeyResult {
  id: string;
  title: string;
  progress: number;
  status: OkrStatusName | null;
}

export interface GraphNode {
  id: string;
  label: string;
  unitId: string;
  unitName: string;
  progress: number;
  status: OkrStatusName | null;
  state: 'DRAFT' | 'ACTIVE' | 'CLOSED' | 'CANCELLED';
  external: boolean;
  level: number;
  objective: {
    expectedProgress?: number | null;
    owner?: { displayName: string } | null;
    period?: { id: string; name: string } | null;
    keyResults: readonly GraphKeyResult[];
  };
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  targetKeyResultId: string | null;
  kind: 'CONTRIBUTES' | 'SUPPORTS';
  weight: number;
  counted: boolean;
}

export interface UnitNodeData extends Record<string, unknown> {
  unitId: string;
  name: string;
  external: boolean;
  objectiveCount: number;
}

export interface ObjectiveNodeData extends Record<string, unknown> {
  objectiveId: string;
  label: string;
  unitName: string;
  progress: number;
  expectedProgress: number | null;
  status: OkrStatusName | null;
  state: GraphNode['state'];
  owner: string | null;
  external: boolean;
  periodName: string | null;
  keyResultCount: number;
}

export interface KeyResultNodeData extends Record<string, unknown> {
  keyResultId: string;
  objectiveId: string;
  title: string;
  progress: number;
  status: OkrStatusName | null;
}

export interface AlignmentEdgeData extends Record<string, unknown> {
  kind: GraphEdge['kind'];
  weight: number;
}

export type UnitFlowNode = Node<UnitNodeData, 'unit'>;
export type ObjectiveFlowNode = Node<ObjectiveNodeData, 'objective'>;
export type KeyResultFlowNode = Node<KeyResultNodeData, 'keyResult'>;
export type AlignmentFlowNode = UnitFlowNode | ObjectiveFlowNode | KeyResultFlowNode;
export type AlignmentFlowEdge = Edge<AlignmentEdgeData>;

export const sizes = {
  objective: { width: 264, height: 88 },
  keyResult: { width: 244, height: 46 },
  keyResultIndent: 20,
  gap: 8,
  padding: 12,
  header: 32,
  columnGap: 48,
  rowGap: 90,
} as const;

export const groupWidth = sizes.objective.width + 2 * sizes.padding;

export const objectiveNodeId = (id: string) => `objective:${id}`;
export const keyResultNodeId = (id: string) => `kr:${id}`;
const unitNodeId = (key: string) => `unit:${key}`;

export const edgeColors = { CONTRIBUTES: 'var(--mantine-color-indigo-6)', SUPPORTS: 'var(--mantine-color-gray-6)' } as const;

/** The look of an edge of each kind: contributes is solid and labelled with its weight; supports is dashed. */
export function edgeAppearance(kind: GraphEdge['kind'], weight: number): Pick<AlignmentFlowEdge, 'style' | 'label' | 'animated' | 'markerEnd'> {
  const color = edgeColors[kind];
  return kind === 'CONTRIBUTES'
    ? {
        style: { stroke: color, strokeWidth: 1.5 + Math.min(3, Math.max(0, weight - 1)) },
        label: `×${formatWeight(weight)}`,
        animated: false,
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
      }
    : {
        style: { stroke: color, strokeWidth: 1.5, strokeDasharray: '6 4' },
        label: undefined,
        animated: false,
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
      };
}

function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(2).replace(/0+$/, '');
}

interface Group {
  key: string;
  unitId: string;
  name: string;
  external: boolean;
  order: number;
  row: number;
  objectives: GraphNode[];
  height: number;
  /** Set when placed: the box's left edge and top. */
  x: number;
  y: number;
}

export interface AlignmentLayout {
  nodes: AlignmentFlowNode[];
  edges: AlignmentFlowEdge[];
  width: number;
  height: number;
}

/** The positions of everything in the alignment graph. */
export function layoutAlignment(
  graphNodes: readonly GraphNode[],
  graphEdges: readonly GraphEdge[],
  { showKeyResults = true }: { showKeyResults?: boolean } = {},
): AlignmentLayout {
  const { objective, keyResult, keyResultIndent, gap, padding, header, columnGap, rowGap } = sizes;
  const order = new Map(graphNodes.map((n, i) => [n.id, i]));

  // Units (and, apart, the objectives shown from outside the view) as boxes.
  const groups = new Map<string, Group>();
  for (const node of graphNodes) {
    const key = node.external ? `${node.unitId}:external` : node.unitId;
    let group = groups.get(key);
    if (!group) {
      group = { key, unitId: node.unitId, name: node.unitName, external: node.external, order: groups.size, row: node.level, objectives: [], height: 0, x: 0, y: 0 };
      groups.set(key, group);
    }
    group.objectives.push(node);
    group.row = Math.min(group.row, node.level);
  }
  for (const group of groups.values()) {
    group.objectives.sort((a, b) => a.level - b.level || order.get(a.id)! - order.get(b.id)!);
    const content = group.objectives.reduce((sum, o) => {
      const krs = showKeyResults ? o.objective.keyResults.length : 0;
      return sum + objective.height + krs * (keyResult.height + gap);
    }, 0);
    group.height = header + padding + content + gap * Math.max(0, group.objectives.length - 1) + padding;
  }

  // Where each objective and key result sits inside its box.
  const local = new Map<string, { group: Group; x: number; y: number; width: number; height: number }>();
  for (const group of groups.values()) {
    let y = header + padding;
    for (const o of group.objectives) {
      local.set(objectiveNodeId(o.id), { group, x: padding, y, width: objective.width, height: objective.height });
      y += objective.height;
      if (showKeyResults) {
        for (const kr of o.objective.keyResults) {
          y += gap;
          local.set(keyResultNodeId(kr.id), { group, x: padding + keyResultIndent, y, width: keyResult.width, height: keyResult.height });
          y += keyResult.height;
        }
      }
      y += gap;
    }
  }

  const targetNodeId = (edge: GraphEdge) =>
    showKeyResults && edge.targetKeyResultId && local.has(keyResultNodeId(edge.targetKeyResultId))
      ? keyResultNodeId(edge.targetKeyResultId)
      : objectiveNodeId(edge.target);

  // Rows top-down. Each box is ordered by, and placed as near as it can to, the mean x of what its objectives
  // contribute to in the rows above (what they support when they contribute to nothing); the first row is centred
  // on x = 0, and a box without parents above goes after the others.
  const rows = [...new Set([...groups.values()].map((g) => g.row))].sort((a, b) => a - b);
  const placed = new Set<Group>();
  let top = 0;
  for (const row of rows) {
    const inRow = [...groups.values()].filter((g) => g.row === row);
    const barycentre = new Map<Group, number | null>();
    for (const group of inRow) {
      const xs = { CONTRIBUTES: [] as number[], SUPPORTS: [] as number[] };
      for (const edge of graphEdges) {
        const source = local.get(objectiveNodeId(edge.source));
        const target = local.get(targetNodeId(edge));
        if (source?.group === group && target && placed.has(target.group)) xs[edge.kind].push(target.group.x + target.x + target.width / 2);
      }
      const use = xs.CONTRIBUTES.length ? xs.CONTRIBUTES : xs.SUPPORTS;
      barycentre.set(group, use.length ? use.reduce((a, b) => a + b, 0) / use.length : null);
    }
    inRow.sort((a, b) => {
      const ba = barycentre.get(a) ?? null;
      const bb = barycentre.get(b) ?? null;
      if (ba !== bb) return ba === null ? 1 : bb === null ? -1 : ba - bb;
      return a.order - b.order;
    });
    const rowWidth = inRow.length * groupWidth + (inRow.length - 1) * columnGap;
    // Where each box would like to be (its left edge), then pushed right just enough not to overlap its neighbour.
    let previousRight = Number.NEGATIVE_INFINITY;
    inRow.forEach((group, i) => {
      const centre = barycentre.get(group);
      const packed = -rowWidth / 2 + i * (groupWidth + columnGap);
      const wanted = centre === null || centre === undefined ? packed : centre - groupWidth / 2;
      group.x = Math.max(wanted, previousRight + columnGap);
      group.y = top;
      previousRight = group.x + groupWidth;
    });
    // Pushing right drifts a crowded row off centre: move it back left by the mean drift, never into overlap.
    const drift = inRow.reduce((sum, g) => {
      const centre = barycentre.get(g);
      return centre === null || centre === undefined ? sum : sum + (g.x + groupWidth / 2 - centre);
    }, 0) / Math.max(1, inRow.filter((g) => barycentre.get(g) != null).length);
    if (drift > 0) for (const group of inRow) group.x -= drift;
    for (const group of inRow) placed.add(group);
    top += Math.max(...inRow.map((g) => g.height)) + rowGap;
  }

  // Shift so the drawing starts at (0, 0).
  const minX = Math.min(0, ...[...groups.values()].map((g) => g.x));
  for (const group of groups.values()) group.x -= minX;
  const width = Math.max(0, ...[...groups.values()].map((g) => g.x + groupWidth));
  const height = Math.max(0, ...[...groups.values()].map((g) => g.y + g.height));

  const nodes: AlignmentFlowNode[] = [];
  const ordered = [...groups.values()].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const group of ordered) {
    const groupId = unitNodeId(group.key);
    nodes.push({
      id: groupId,
      type: 'unit',
      position: { x: group.x, y: group.y },
      width: groupWidth,
      height: group.height,
      style: { width: groupWidth, height: group.height },
      data: { unitId: group.unitId, name: group.name, external: group.external, objectiveCount: group.objectives.length },
      selectable: false,
      focusable: false,
      draggable: false,
      zIndex: 0,
    });
    for (const o of group.objectives) {
      const at = local.get(objectiveNodeId(o.id))!;
      nodes.push({
        id: objectiveNodeId(o.id),
        type: 'objective',
        parentId: groupId,
        position: { x: at.x, y: at.y },
        width: at.width,
        height: at.height,
        draggable: false,
        ariaLabel: `Objective: ${o.label}`,
        data: {
          objectiveId: o.id,
          label: o.label,
          unitName: o.unitName,
          progress: o.progress,
          expectedProgress: o.objective.expectedProgress ?? null,
          status: o.status,
          state: o.state,
          owner: o.objective.owner?.displayName ?? null,
          external: o.external,
          periodName: o.objective.period?.name ?? null,
          keyResultCount: o.objective.keyResults.length,
        },
        sourcePosition: Position.Top,
        targetPosition: Position.Bottom,
      });
      if (!showKeyResults) continue;
      for (const kr of o.objective.keyResults) {
        const k = local.get(keyResultNodeId(kr.id))!;
        nodes.push({
          id: keyResultNodeId(kr.id),
          type: 'keyResult',
          parentId: groupId,
          position: { x: k.x, y: k.y },
          width: k.width,
          height: k.height,
          draggable: false,
          ariaLabel: `Key result: ${kr.title}`,
          data: { keyResultId: kr.id, objectiveId: o.id, title: kr.title, progress: kr.progress, status: kr.status },
        });
      }
    }
  }

  const absoluteCentreX = (id: string) => {
    const at = local.get(id);
    return at ? at.group.x + at.x + at.width / 2 : 0;
  };
  const edges: AlignmentFlowEdge[] = graphEdges
    .filter((e) => local.has(objectiveNodeId(e.source)) && local.has(objectiveNodeId(e.target)))
    .map((e) => {
      const source = objectiveNodeId(e.source);
      const target = targetNodeId(e);
      // Into a key result, or an objective with its key results drawn below it, from the side facing the child (so the
      // edge does not cross the key results); into a bare objective from below.
      const parent = graphNodes.find((n) => n.id === e.target);
      const fromSide = target.startsWith('kr:') || (showKeyResults && (parent?.objective.keyResults.length ?? 0) > 0);
      const targetHandle = fromSide ? (absoluteCentreX(source) < absoluteCentreX(target) ? 'left' : 'right') : 'bottom';
      return {
        id: `edge:${e.id}`,
        source,
        target,
        sourceHandle: 'top',
        targetHandle,
        type: 'default',
        zIndex: 1,
        data: { kind: e.kind, weight: e.weight },
        ariaLabel: `${e.kind === 'CONTRIBUTES' ? 'Contributes' : 'Supports'}${e.kind === 'CONTRIBUTES' ? ` with weight ${formatWeight(e.weight)}` : ''}`,
        ...edgeAppearance(e.kind, e.weight),
      };
    });

  return { nodes, edges, width, height };
}
