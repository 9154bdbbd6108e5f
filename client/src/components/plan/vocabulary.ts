/**
 * The words of planning. REST and GraphQL spell enumerations alike (SCREAMING_SNAKE_CASE), so a value read over
 * GraphQL is written back over REST as it is.
 */
import type { Direction, FindingSeverity, MetricKind, ObjectiveState, ObjectiveType, RaciRole, UnitKind, Visibility } from '../../graphql/generated';

export const metricKindLabel: Record<MetricKind, string> = {
  NUMBER: 'Number',
  PERCENTAGE: 'Percentage',
  CURRENCY: 'Money',
  MILESTONE: 'Milestone (done / not done)',
};

export const directionLabel: Record<Direction, string> = {
  INCREASE: 'Increase',
  DECREASE: 'Decrease',
  STAY_AT_LEAST: 'Stay at least',
  STAY_AT_MOST: 'Stay at most',
};

export const objectiveTypeLabel: Record<ObjectiveType, string> = { COMMITTED: 'Committed', ASPIRATIONAL: 'Aspirational' };

export const objectiveTypeHelp: Record<ObjectiveType, string> = {
  COMMITTED: 'We will make this happen: success means (nearly) all of it, a grade of 0.85 or more by default.',
  ASPIRATIONAL: 'A stretch: reaching about 70% (a grade of 0.7, by default) is a success.',
};

export const objectiveStateLabel: Record<ObjectiveState, string> = {
  DRAFT: 'Draft',
  ACTIVE: 'Active',
  CLOSED: 'Closed',
  CANCELLED: 'Cancelled',
};

export const visibilityHelp: Record<Visibility, string> = {
  PUBLIC: 'Everyone in the organisation sees it.',
  RESTRICTED: 'Only the unit’s members, the leads above it, the owner and admins see it (it still counts in progress).',
};

export const unitKindLabel: Record<UnitKind, string> = {
  COMPANY: 'Company',
  DIVISION: 'Division',
  DEPARTMENT: 'Department',
  TEAM: 'Team',
  CROSS_FUNCTIONAL_TEAM: 'Cross-functional team',
};

export const raciRoleLabel: Record<RaciRole, string> = {
  RESPONSIBLE: 'Responsible',
  ACCOUNTABLE: 'Accountable',
  CONSULTED: 'Consulted',
  INFORMED: 'Informed',
};

export const raciRoleHelp: Record<RaciRole, string> = {
  RESPONSIBLE: 'does the work',
  ACCOUNTABLE: 'answers for the result (one person at most)',
  CONSULTED: 'is asked before decisions',
  INFORMED: 'is kept up to date',
};

export const severityColor: Record<FindingSeverity, string> = { ERROR: 'red', WARNING: 'yellow', INFO: 'blue' };
export const severityLabel: Record<FindingSeverity, string> = { ERROR: 'Must fix', WARNING: 'Should fix', INFO: 'Worth a look' };
