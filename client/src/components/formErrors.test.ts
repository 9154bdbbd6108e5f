import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { applyServerErrors } from './formErrors';

describe('applyServerErrors', () => {
  it('puts each field error on its field and returns nothing else to show', () => {
    const setFieldError = vi.fn();
    const rest = applyServerErrors(new ApiError('Invalid', 400, 'VALIDATION', { Name: ['Give the organisation a name.'] }), setFieldError, ['name']);
    expect(setFieldError).toHaveBeenCalledWith('name', 'Give the organisation a name.');
    expect(rest).toBeNull();
  });

  it('returns errors of unknown fields and plain problems as a message', () => {
    const setFieldError = vi.fn();
    expect(applyServerErrors(new ApiError('Invalid', 400, 'VALIDATION', { other: ['Other is wrong.'] }), setFieldError, ['name'])).toBe('Other is wrong.');
    expect(applyServerErrors(new ApiError('You already belong to an organisation.', 409), setFieldError, ['name'])).toBe(
      'You already belong to an organisation.',
    );
  });
});
