import { describe, expect, it } from 'vitest';
import { ApiError, describeError, problemToError } from './http';

describe('problemToError', () => {
  it('uses the problem title, code and field errors', () => {
    const error = problemToError(
      400,
      JSON.stringify({ title: 'The request has invalid fields.', code: 'VALIDATION', errors: { title: ['Give the objective a title.'] } }),
    );
    expect(error.message).toBe('The request has invalid fields.');
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors).toEqual({ title: ['Give the objective a title.'] });
  });

  it('falls back to words for the status when the body is empty or not JSON', () => {
    expect(problemToError(412, '').message).toMatch(/changed this meanwhile/);
    expect(problemToError(404, '<html>').message).toMatch(/could not be found/);
  });

  it('never shows a server error title to people', () => {
    expect(problemToError(500, JSON.stringify({ title: 'NullReferenceException at Foo' })).message).toMatch(/went wrong on our side/);
  });
});

describe('describeError', () => {
  it('reads the generated client exception', () => {
    const generated = { isApiException: true, status: 422, response: JSON.stringify({ title: 'Activation needs a key result.', code: 'objective.needs_measurable_key_result' }) };
    const error = describeError(generated);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('objective.needs_measurable_key_result');
    expect(error.message).toBe('Activation needs a key result.');
  });
});
