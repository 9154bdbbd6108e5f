import { describe, expect, it } from 'vitest';
import { insertMention, matchCandidates, mentionAt } from './mentions';

const people = [
  { id: 'n', displayName: 'Nina Kowalski', email: 'nina@acme.test' },
  { id: 'l', displayName: 'Lee Lead', email: 'lead@acme.test' },
  { id: 'k', displayName: 'Kim Nilsson', email: 'kim@acme.test' },
];

describe('mentions', () => {
  it('finds the @query before the caret, not in an address or after a line break', () => {
    expect(mentionAt('Hi @Ni', 6)).toEqual({ start: 3, query: 'Ni' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('@Nina Ko', 8)).toEqual({ start: 0, query: 'Nina Ko' });
    expect(mentionAt('mail nina@acme', 14)).toBeNull();
    expect(mentionAt('@Nina\nthanks', 12)).toBeNull();
    expect(mentionAt('no mention', 10)).toBeNull();
  });

  it('offers names starting with the query first, then names with a word starting with it, then addresses', () => {
    expect(matchCandidates(people, 'ni').map((p) => p.id)).toEqual(['n', 'k']);
    expect(matchCandidates(people, 'lead').map((p) => p.id)).toEqual(['l']);
    expect(matchCandidates(people, '').map((p) => p.id)).toEqual(['k', 'l', 'n']);
    expect(matchCandidates(people, 'zz')).toEqual([]);
  });

  it('writes the chosen name in place of the query, the caret after it', () => {
    expect(insertMention('Hi @Ni, look', 3, 6, people[0]!)).toEqual({ text: 'Hi @Nina Kowalski , look', caret: 18 });
  });
});
