import { describe, expect, it } from 'vitest';
import { passwordProblems } from './SignUpPage';

describe('passwordProblems', () => {
  it.each([
    ['short1A', ['at least 10 characters']],
    ['123456789', ['at least 10 characters']],
    ['alllowercase words', []],
    ['Demo-Okr-2026', []],
  ])('%s', (password, expected) => {
    expect(passwordProblems(password)).toEqual(expected);
  });
});
