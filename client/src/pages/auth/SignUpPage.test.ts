import { describe, expect, it } from 'vitest';
import { passwordProblems } from './SignUpPage';

describe('passwordProblems', () => {
  it.each([
    ['short1A', ['at least 8 characters']],
    ['alllowercase1', ['an uppercase letter']],
    ['NoDigitsHere', ['a digit']],
    ['Demo-Okr-2026', []],
  ])('%s', (password, expected) => {
    expect(passwordProblems(password)).toEqual(expected);
  });
});
