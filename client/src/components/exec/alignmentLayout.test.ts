import { describe, expect, it } from 'vitest';
import { layoutAlignment, keyResultNodeId, objectiveNodeId, type AlignmentFlowNode, type GraphEdge, type GraphNode } from './alignmentLayout';

const kr = (id: string) => ({ id, title: `KR ${id}`, progress: 0.5, status: 'ON_TRACK' as const });
const node = (id: string, unitId: string, level: number, krs: string[] = [], extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  label: `Objective ${id}`,
  unitId,
  unitName: `Unit ${unitId}`,
  progress: 0.4,
  status: 'AT_RISK',
  state: 'ACTIVE',
  external: false,
  level,
  objective: { expectedProgress: 0.5, owner: null, period: null, keyResults: krs.map(kr) },
  ...extra,
});
const edge = (id: string, source: string, target: string, kind: GraphEdge['kind'] = 'CONTRIBUTES', targetKeyResultId: string | null = null, weight = 1): GraphEdge => ({
  id,
  source,
  target,
  targetKeyResultId,
  kind,
  weight,
  counted: kind === 'CONTRIBUTES',
});

// The demo's shape: a company objective, departments aligned to its key results, teams aligned to departments.
const nodes: GraphNode[] = [
  node('company', 'acme', 0, ['c1', 'c2', 'c3']),
  node('marketing', 'mkt', 1, ['m1', 'm2']),
  node('sales', 'sales', 1, ['s1']),
  node('product', 'pm', 1, ['p1', 'p2']),
  node('product-2', 'pm', 2, ['p3']),
  node('us-sales', 'us', 2, ['u1']),
  node('cust-mkt', 'cm', 2, []),
  node('other', 'partner', 0, [], { external: true }),
];
const edges: GraphEdge[] = [
  edge('e1', 'marketing', 'company', 'CONTRIBUTES', 'c1'),
  edge('e2', 'sales', 'company', 'CONTRIBUTES', 'c2', 2),
  edge('e3', 'product', 'company', 'SUPPORTS'),
  edge('e4', 'us-sales', 'sales'),
  edge('e5', 'cust-mkt', 'marketing', 'SUPPORTS'),
  edge('e6', 'product-2', 'product'),
  edge('e7', 'company', 'other', 'SUPPORTS'),
];

interface Rect {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function absoluteRects(laid: AlignmentFlowNode[]): Rect[] {
  const byId = new Map(laid.map((n) => [n.id, n]));
  return laid.map((n) => {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    return {
      id: n.id,
      x: n.position.x + (parent?.position.x ?? 0),
      y: n.position.y + (parent?.position.y ?? 0),
      w: n.width!,
      h: n.height!,
    };
  });
}
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutAlignment', () => {
  it('is deterministic: the same graph gives the same positions', () => {
    const first = layoutAlignment(nodes, edges);
    const second = layoutAlignment(structuredClone(nodes), structuredClone(edges));
    expect(second.nodes.map((n) => [n.id, n.position])).toEqual(first.nodes.map((n) => [n.id, n.position]));
    expect(second.edges).toEqual(first.edges);
  });

  it('draws a box per unit, an objective node per objective and a node per key result', () => {
    const { nodes: laid } = layoutAlignment(nodes, edges);
    expect(laid.filter((n) => n.type === 'unit')).toHaveLength(7);
    expect(laid.filter((n) => n.type === 'objective')).toHaveLength(8);
    expect(laid.filter((n) => n.type === 'keyResult')).toHaveLength(10);
    // Two objectives of Product Management share its box.
    const pm = laid.filter((n) => n.parentId === 'unit:pm' && n.type === 'objective').map((n) => n.id);
    expect(pm).toEqual([objectiveNodeId('product'), objectiveNodeId('product-2')]);
    // React Flow needs a parent before its children.
    const index = new Map(laid.map((n, i) => [n.id, i]));
    for (const n of laid) if (n.parentId) expect(index.get(n.parentId)!).toBeLessThan(index.get(n.id)!);
  });

  it('reads top-down: the company row first, each level below the one it aligns to', () => {
    const { nodes: laid } = layoutAlignment(nodes, edges);
    const y = (unit: string) => laid.find((n) => n.id === `unit:${unit}`)!.position.y;
    expect(y('acme')).toBe(0);
    expect(y('mkt')).toBeGreaterThan(y('acme'));
    expect(y('mkt')).toBe(y('sales'));
    expect(y('us')).toBeGreaterThan(y('sales'));
    // A box sits in the row of its highest objective: Product Management (levels 1 and 2) is in row 1.
    expect(y('pm')).toBe(y('mkt'));
  });

  it('places a team under the department it contributes to', () => {
    const { nodes: laid } = layoutAlignment(nodes, edges);
    const x = (unit: string) => laid.find((n) => n.id === `unit:${unit}`)!.position.x;
    expect(Math.abs(x('us') - x('sales'))).toBeLessThan(Math.abs(x('us') - x('mkt')));
    expect(Math.abs(x('cm') - x('mkt'))).toBeLessThan(Math.abs(x('cm') - x('sales')));
  });

  it('never overlaps two boxes, nor two nodes', () => {
    for (const showKeyResults of [true, false]) {
      const rects = absoluteRects(layoutAlignment(nodes, edges, { showKeyResults }).nodes);
      const boxes = rects.filter((r) => r.id.startsWith('unit:'));
      const inner = rects.filter((r) => !r.id.startsWith('unit:'));
      for (const group of [boxes, inner])
        for (let i = 0; i < group.length; i++)
          for (let j = i + 1; j < group.length; j++) expect(overlaps(group[i]!, group[j]!), `${group[i]!.id} / ${group[j]!.id}`).toBe(false);
      // Every node lies inside its box.
      for (const n of inner) {
        const box = boxes.find((b) => n.x >= b.x && n.y >= b.y && n.x + n.w <= b.x + b.w && n.y + n.h <= b.y + b.h);
        expect(box, n.id).toBeDefined();
      }
    }
  });

  it('keeps objectives from outside the view in a box of their own', () => {
    const { nodes: laid } = layoutAlignment(nodes, edges);
    const outside = laid.find((n) => n.id === 'unit:partner:external');
    expect(outside?.type).toBe('unit');
    expect(outside?.data).toMatchObject({ external: true, name: 'Unit partner' });
  });

  it('styles contributes edges solid with their weight, supports edges dashed', () => {
    const { edges: laid } = layoutAlignment(nodes, edges);
    const e2 = laid.find((e) => e.id === 'edge:e2')!;
    expect(e2.style?.strokeDasharray).toBeUndefined();
    expect(e2.label).toBe('×2');
    expect(e2.data).toEqual({ kind: 'CONTRIBUTES', weight: 2 });
    const e3 = laid.find((e) => e.id === 'edge:e3')!;
    expect(e3.style?.strokeDasharray).toBe('6 4');
    expect(e3.label).toBeUndefined();
    expect(e3.ariaLabel).toBe('Supports');
  });

  it('points an edge at the key result it aligns to, or at the objective when key results are hidden', () => {
    const shown = layoutAlignment(nodes, edges).edges.find((e) => e.id === 'edge:e1')!;
    expect(shown).toMatchObject({ source: objectiveNodeId('marketing'), target: keyResultNodeId('c1'), sourceHandle: 'top' });
    expect(['left', 'right']).toContain(shown.targetHandle);
    const hidden = layoutAlignment(nodes, edges, { showKeyResults: false }).edges.find((e) => e.id === 'edge:e1')!;
    expect(hidden).toMatchObject({ target: objectiveNodeId('company'), targetHandle: 'bottom' });
    expect(layoutAlignment(nodes, edges, { showKeyResults: false }).nodes.some((n) => n.type === 'keyResult')).toBe(false);
    // An objective with its key results drawn below it is entered from the side, not through its key results.
    expect(['left', 'right']).toContain(layoutAlignment(nodes, edges).edges.find((e) => e.id === 'edge:e4')!.targetHandle);
    expect(layoutAlignment(nodes, edges, { showKeyResults: false }).edges.find((e) => e.id === 'edge:e4')!.targetHandle).toBe('bottom');
  });

  it('lays out nothing for an empty graph', () => {
    expect(layoutAlignment([], [])).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
  });
});
