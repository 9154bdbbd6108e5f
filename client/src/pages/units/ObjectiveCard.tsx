import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Card, Divider, Group, List, Modal, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../api/rest';
import { describeError, ifMatch } from '../../api/http';
import type { Member } from '../../auth/session';
import type { PeriodState, PlanKeyResultFragment, PlanObjectiveFragment } from '../../graphql/generated';
import { ProgressMeter, StatusBadge } from '../../components/Status';
import { formatValue } from '../../components/format';
import { AlignmentPanel } from '../../components/plan/AlignmentPanel';
import { describeMeasure } from '../../components/plan/coachHints';
import { ConfirmButton } from '../../components/plan/ConfirmButton';
import { FindingList, type Finding } from '../../components/plan/Findings';
import { KeyResultEditor } from '../../components/plan/KeyResultEditor';
import { ObjectiveEditor } from '../../components/plan/ObjectiveEditor';
import type { PersonOption } from '../../components/plan/PersonSelect';
import { canDecide, canEditObjective, type UnitContext } from '../../components/plan/permissions';
import { WhyReadOnly } from '../../components/plan/WhyReadOnly';
import { objectiveStateLabel, objectiveTypeHelp, objectiveTypeLabel } from '../../components/plan/vocabulary';

/** What a refused activation means, in words (the server's title otherwise). */
const activationWords: Record<string, string> = {
  'objective.needs_measurable_key_result':
    'It cannot be activated yet: it needs at least one measurable key result — one with a target that differs from its baseline.',
  'period.closed': 'The period is closed: nothing can be activated in it.',
};

const stateColor = { DRAFT: 'orange', ACTIVE: 'indigo', CLOSED: 'teal', CANCELLED: 'gray' } as const;

/**
 * What to weigh before activating a draft, in words: the coach's open findings (errors and warnings), no alignment (below
 * the company), a parent that is itself still a draft, and a period still in planning. Empty: nothing to ask.
 */
export function activationConcerns(
  objective: Pick<PlanObjectiveFragment, 'parents'>,
  findings: readonly Pick<Finding, 'severity' | 'message'>[],
  unit: Pick<UnitContext, 'ancestors'>,
  periodState: PeriodState | undefined,
): string[] {
  const concerns: string[] = [];
  const open = findings.filter((f) => f.severity !== 'INFO');
  if (open.length > 0)
    concerns.push(`The coach has ${open.length} open finding${open.length === 1 ? '' : 's'} on it: “${open[0]!.message}”${open.length > 1 ? ' and more' : ''}.`);
  if (objective.parents.length === 0 && unit.ancestors.length > 0)
    concerns.push('It is not aligned to anything above it: nobody will see what it moves.');
  const draftParents = objective.parents.filter((p) => p.parent.state === 'DRAFT');
  if (draftParents.length > 0) concerns.push(`Its parent “${draftParents[0]!.parent.title}” is still a draft and may still change.`);
  if (periodState === 'PLANNING') concerns.push('The period is still in planning: other teams may still be drafting and aligning.');
  return concerns;
}

export function ObjectiveCard({
  objective,
  unit,
  periodId,
  periodState,
  member,
  people,
  focusAreas,
  findings,
  addKeyResultOnOpen,
  onChanged,
}: {
  objective: PlanObjectiveFragment;
  unit: UnitContext;
  periodId: string;
  periodState: PeriodState | undefined;
  member: Member;
  people: readonly PersonOption[];
  focusAreas: readonly { id: string; title: string }[];
  findings: ReadonlyMap<string, Finding[]>;
  addKeyResultOnOpen?: boolean;
  /** Re-reads the unit's OKRs and the coach's findings; resolves when they are fresh. */
  onChanged: () => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [editingKeyResult, setEditingKeyResult] = useState<string | 'new' | null>(addKeyResultOnOpen ? 'new' : null);
  const [activating, setActivating] = useState(false);
  const [activationError, setActivationError] = useState<string | null>(null);

  // A refusal describes the objective as it was: forget it once the objective or its key results change.
  const cardRef = useRef<HTMLElement>(null);
  // A draft just created opens with its first key result: bring it into view.
  useEffect(() => {
    if (!addKeyResultOnOpen) return;
    setEditingKeyResult((current) => current ?? 'new');
    cardRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [addKeyResultOnOpen]);
  const shape = `${objective.version}:${objective.keyResults.map((k) => `${k.id}@${k.version}`).join(',')}`;
  useEffect(() => setActivationError(null), [shape]);

  const context = { state: objective.state, ownerId: objective.owner?.id };
  const edit = canEditObjective(member, unit, context, periodState);
  const decide = canDecide(member, unit, context, periodState);
  const draft = objective.state === 'DRAFT';
  const objectiveFindings = findings.get(objective.id) ?? [];

  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [activated, setActivated] = useState(false);
  const askOrActivate = () => {
    const concerns = activationConcerns(objective, [...objectiveFindings, ...objective.keyResults.flatMap((k) => findings.get(k.id) ?? [])], unit, periodState);
    if (concerns.length > 0) setConfirming(concerns);
    else void activate();
  };
  const activate = async () => {
    setConfirming(null);
    setActivating(true);
    setActivationError(null);
    try {
      await api.objectives.activateObjective(objective.id, ifMatch(objective.version));
      await onChanged();
      setActivated(true);
    } catch (e) {
      const problem = describeError(e);
      setActivationError((problem.code && activationWords[problem.code]) ?? problem.message);
    } finally {
      setActivating(false);
    }
  };

  if (editing) {
    return (
      <ObjectiveEditor
        unitId={unit.id}
        unitName={unit.name}
        periodId={periodId}
        objective={objective}
        people={people}
        focusAreas={focusAreas}
        onCancel={() => setEditing(false)}
        onSaved={async () => {
          await onChanged();
          setEditing(false);
        }}
      />
    );
  }

  return (
    <Card
      ref={cardRef}
      component="article"
      style={{ scrollMarginTop: 72, ...(draft ? { borderStyle: 'dashed', borderColor: 'var(--mantine-color-orange-5)', borderWidth: 2 } : {}) }}
      p={{ base: 'sm', sm: 'lg' }}
      aria-label={objective.title}
      data-testid="objective-card"
      data-state={objective.state}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Group gap={6}>
              <Badge color={stateColor[objective.state]} variant={draft ? 'filled' : 'light'} size="sm">
                {objectiveStateLabel[objective.state]}
              </Badge>
              <Tooltip label={objectiveTypeHelp[objective.type]} multiline w={260} withArrow>
                <Badge color="gray" variant="outline" size="sm">
                  {objectiveTypeLabel[objective.type]}
                </Badge>
              </Tooltip>
              {objective.visibility === 'RESTRICTED' && (
                <Tooltip label="Only the unit’s members, the leads above it, the owner and admins see it." multiline w={240} withArrow>
                  <Badge color="grape" variant="light" size="sm">
                    Restricted
                  </Badge>
                </Tooltip>
              )}
              {!draft && <StatusBadge status={objective.status} />}
            </Group>
            <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/objectives/${objective.id}`} inherit c="inherit">
                {objective.title}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {objective.owner ? `Owner: ${objective.owner.displayName}` : 'No owner yet'}
              {objective.focusArea ? ` · Focus area: ${objective.focusArea.title}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            {edit.allowed ? (
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                Edit
              </Button>
            ) : (
              <WhyReadOnly reason={edit.reason} />
            )}
          </Group>
        </Group>

        {draft ? (
          <Text size="sm" c="orange.8">
            Draft: not counted in progress until it is activated.
          </Text>
        ) : (
          <ProgressMeter progress={objective.progress} expected={objective.expectedProgress} status={objective.status} />
        )}
        {objective.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {objective.description}
          </Text>
        )}
        <FindingList findings={objectiveFindings} source="server" label={`Coach findings on ${objective.title}`} />

        <Divider label="Key results" labelPosition="left" />
        {objective.keyResults.length === 0 && editingKeyResult !== 'new' && (
          <Text size="sm" c="dimmed">
            No key results yet. Add two to five: how you will know the objective is achieved.
          </Text>
        )}
        <Stack gap="xs">
          {objective.keyResults.map((kr) =>
            editingKeyResult === kr.id ? (
              <KeyResultEditor
                key={kr.id}
                objectiveId={objective.id}
                keyResult={kr}
                people={people}
                unitName={unit.name}
                onCancel={() => setEditingKeyResult(null)}
                onSaved={async () => {
                  await onChanged();
                  setEditingKeyResult(null);
                }}
              />
            ) : (
              <KeyResultRow
                key={kr.id}
                keyResult={kr}
                draft={draft}
                findings={findings.get(kr.id) ?? []}
                canEdit={edit.allowed}
                onEdit={() => setEditingKeyResult(kr.id)}
                onDelete={async () => {
                  await api.keyResults.deleteKeyResult(kr.id, ifMatch(kr.version));
                  await onChanged();
                }}
              />
            ),
          )}
          {editingKeyResult === 'new' && (
            <KeyResultEditor
              objectiveId={objective.id}
              people={people}
              unitName={unit.name}
              defaultOwnerId={objective.owner?.id ?? member.personId}
              onCancel={() => setEditingKeyResult(null)}
              onSaved={async () => {
                await onChanged();
                setEditingKeyResult(null);
              }}
            />
          )}
        </Stack>
        {edit.allowed && editingKeyResult !== 'new' && (
          <Group>
            <Button size="xs" variant="light" onClick={() => setEditingKeyResult('new')}>
              Add key result
            </Button>
          </Group>
        )}

        <Divider label="Alignment" labelPosition="left" />
        <AlignmentPanel objective={objective} periodId={periodId} canEdit={edit.allowed} onChanged={onChanged} />

        {(decide.allowed || edit.allowed) && (objective.state === 'DRAFT' || objective.state === 'ACTIVE') && (
          <>
            <Divider />
            <Group gap="sm" align="flex-start" wrap="wrap">
              {draft && decide.allowed && (
                <Button onClick={askOrActivate} loading={activating} color="green">
                  Activate
                </Button>
              )}
              {draft && edit.allowed && (
                <ConfirmButton
                  variant="subtle"
                  title="Delete this draft?"
                  message={`“${objective.title}” and its key results will be deleted. This cannot be undone.`}
                  confirmLabel="Delete draft"
                  onConfirm={async () => {
                    await api.objectives.deleteObjective(objective.id, ifMatch(objective.version));
                    await onChanged();
                  }}
                >
                  Delete draft
                </ConfirmButton>
              )}
              {objective.state === 'ACTIVE' && decide.allowed && (
                <ConfirmButton
                  variant="subtle"
                  title="Cancel this objective?"
                  message={`“${objective.title}” will no longer count in progress. It is kept with its history, and cannot be reopened.`}
                  confirmLabel="Cancel objective"
                  onConfirm={async () => {
                    await api.objectives.cancelObjective(objective.id, ifMatch(objective.version));
                    await onChanged();
                  }}
                >
                  Cancel objective
                </ConfirmButton>
              )}
              {draft && !decide.allowed && (
                <Text size="sm" c="dimmed" style={{ alignSelf: 'center' }}>
                  {decide.reason}
                </Text>
              )}
            </Group>
            {activationError && (
              <Alert color="red" variant="light" role="alert" title="Not activated">
                {activationError}
              </Alert>
            )}
          </>
        )}
        {activated && objective.state === 'ACTIVE' && (
          <Text size="sm" c="green.8" role="status">
            Activated: it counts in {unit.name}’s progress now, and its key results’ owners can check in.
          </Text>
        )}
        <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={`Activate “${objective.title}”?`} centered>
          <Stack gap="md">
            <Text size="sm">Once active it counts in progress and cannot go back to being a draft. Before you do:</Text>
            <List size="sm" spacing={4}>
              {(confirming ?? []).map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Keep it a draft
              </Button>
              <Button color="green" onClick={() => void activate()}>
                Activate anyway
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Stack>
    </Card>
  );
}

function KeyResultRow({
  keyResult: kr,
  draft,
  findings,
  canEdit,
  onEdit,
  onDelete,
}: {
  keyResult: PlanKeyResultFragment;
  draft: boolean;
  findings: readonly Finding[];
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}) {
  const current =
    kr.currentValue !== null && kr.metricKind !== 'MILESTONE'
      ? ` · now ${formatValue(kr.currentValue, kr.metricKind, kr.unitLabel, kr.currencyCode)}`
      : kr.metricKind === 'MILESTONE' && kr.currentValue !== null
        ? ` · ${formatValue(kr.currentValue, 'MILESTONE')}`
        : '';
  return (
    <Box
      data-testid="key-result"
      p="sm"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
            <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {kr.title}
            </Text>
            <Text size="xs" c="dimmed">
              {describeMeasure(kr)}
              {current}
              {kr.owner ? ` · ${kr.owner.displayName}` : ' · no owner'}
              {kr.weight !== 1 ? ` · weight ${kr.weight}` : ''}
              {kr.isFinancial ? ' · financial' : ''}
            </Text>
          </Stack>
          <Group gap={6}>
            {!draft && <StatusBadge status={kr.status} size="xs" />}
            {canEdit && (
              <>
                <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={`Edit key result ${kr.title}`}>
                  Edit
                </Button>
                <ConfirmButton
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`Delete key result ${kr.title}`}
                  title="Delete this key result?"
                  message={`“${kr.title}” will be removed from the objective${draft ? '' : '; its check-ins are kept in the history'}.`}
                  confirmLabel="Delete key result"
                  onConfirm={onDelete}
                >
                  Delete
                </ConfirmButton>
              </>
            )}
          </Group>
        </Group>
        {!draft && <ProgressMeter progress={kr.progress} expected={kr.expectedProgress} status={kr.status} />}
        <FindingList findings={findings} source="server" label={`Coach findings on ${kr.title}`} />
      </Stack>
    </Box>
  );
}
