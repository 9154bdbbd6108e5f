import { statusColor, type OkrStatusName } from '../Status';

/** A Mantine colour name ("green", "red.9") as a CSS variable, for places outside Mantine's props (SVG, React Flow). */
export function mantineVar(color: string, shade = 6): string {
  const [name, explicit] = color.split('.');
  return `var(--mantine-color-${name}-${explicit ?? shade})`;
}

/** The colour of a status as a CSS variable; gray when there is none (a cancelled objective). */
export function statusVar(status: OkrStatusName | null | undefined, shade = 6): string {
  return mantineVar(status ? statusColor[status] : 'gray', shade);
}

/** A light tint of the status colour, for backgrounds. */
export function statusTint(status: OkrStatusName | null | undefined): string {
  return mantineVar(status ? statusColor[status] : 'gray', 0);
}
