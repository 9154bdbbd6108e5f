import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { ProgressMeter, StatusBadge } from './Status';

const wrap = (ui: React.ReactNode) => render(<MantineProvider>{ui}</MantineProvider>);

describe('StatusBadge', () => {
  it('names the status in words', () => {
    wrap(<StatusBadge status="OFF_TRACK" />);
    expect(screen.getByText('Off track')).toBeInTheDocument();
  });

  it('shows nothing for a cancelled objective (no status)', () => {
    const { container } = wrap(<StatusBadge status={null} />);
    expect(container.querySelector('.mantine-Badge-root')).toBeNull();
  });
});

describe('ProgressMeter', () => {
  it('shows progress and where the plan expects it', () => {
    wrap(<ProgressMeter progress={0.4} expected={0.57} status="AT_RISK" />);
    expect(screen.getByText('40%')).toBeInTheDocument();
    expect(screen.getByLabelText('Progress 40%, expected 57%')).toBeInTheDocument();
    expect(screen.getByTestId('expected-marker').style.left).toBe('calc(57% - 1px)');
  });
});
