import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../exec/testing';
import { MentionTextarea } from './MentionTextarea';

const graphqlMock = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));

function Box() {
  const [text, setText] = useState('');
  return <MentionTextarea label="Add a comment" value={text} onChange={setText} />;
}

beforeEach(() => {
  graphqlMock.mockReset();
  graphqlMock.mockResolvedValue({
    people: [
      { id: 'n', displayName: 'Nina Kowalski', email: 'nina@acme.test' },
      { id: 'k', displayName: 'Kim Nilsson', email: 'kim@acme.test' },
    ],
  });
});

describe('MentionTextarea', { timeout: 20_000 }, () => {
  it('offers the people of the organisation on @ and writes the one chosen with the keyboard', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithApp(<Box />);
    const box = screen.getByRole('combobox', { name: 'Add a comment' });
    expect(graphqlMock).not.toHaveBeenCalled();

    await user.type(box, 'Thanks @ni');
    const list = await screen.findByRole('listbox', { name: 'People to mention' });
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Nina Kowalskinina@acme.test', 'Kim Nilssonkim@acme.test']);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);

    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(box).toHaveValue('Thanks @Kim Nilsson '));
    expect(list).not.toBeInTheDocument();

    await user.type(box, 'and @n');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box).toHaveValue('Thanks @Kim Nilsson and @n');
  });
});
