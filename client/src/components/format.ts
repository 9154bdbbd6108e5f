/** How numbers, values and dates read in the product. */

export type MetricKindName = 'NUMBER' | 'PERCENTAGE' | 'CURRENCY' | 'MILESTONE';

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** 0.624 → "62%". */
export function percent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '–';
  return `${Math.round(ratio * 100)}%`;
}

/** A key result's value in its own terms: "42%", "$1.2M", "Done", "378 tickets/month". */
export function formatValue(
  value: number | string | null | undefined,
  metricKind: MetricKindName,
  unitLabel?: string | null,
  currencyCode?: string | null,
): string {
  if (value === null || value === undefined || value === '') return '–';
  const n = typeof value === 'string' ? Number(value) : value;
  if (Number.isNaN(n)) return String(value);
  switch (metricKind) {
    case 'MILESTONE':
      return n >= 1 ? 'Done' : 'Not done';
    case 'PERCENTAGE':
      return `${numberFormat.format(n)}%`;
    case 'CURRENCY': {
      const big = Math.abs(n) >= 100_000;
      try {
        return new Intl.NumberFormat('en', {
          style: 'currency',
          currency: currencyCode ?? 'USD',
          notation: big ? 'compact' : 'standard',
          minimumFractionDigits: 0,
          maximumFractionDigits: big ? 1 : 0,
        }).format(n);
      } catch {
        return `${currencyCode ?? ''} ${numberFormat.format(n)}`.trim();
      }
    }
    default: {
      const text = Math.abs(n) >= 100_000 ? compactFormat.format(n) : numberFormat.format(n);
      return unitLabel ? `${text} ${unitLabel}` : text;
    }
  }
}

/** "2026-11-22" or an ISO instant → "22 Nov 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "3 days ago", "today". */
export function relativeDays(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return 'never';
  const days = Math.floor((now.getTime() - new Date(value).getTime()) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return `${Math.floor(days / 7)} weeks ago`;
}

/** Today as YYYY-MM-DD (UTC). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
