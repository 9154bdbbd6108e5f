import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../components/exec/testing';
import { problem } from '../../components/plan/testing';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { ConfirmEmailPage } from './ConfirmEmailPage';

const forgotPassword = vi.fn();
const resetPassword = vi.fn();
const getConfirmEmail = vi.fn();
vi.mock('../../api/rest', () => ({
  api: {
    auth: {
      forgotPassword: (...a: unknown[]) => forgotPassword(...a),
      resetPassword: (...a: unknown[]) => resetPassword(...a),
      getConfirmEmail: (...a: unknown[]) => getConfirmEmail(...a),
    },
  },
}));

beforeEach(() => {
  forgotPassword.mockReset().mockResolvedValue(undefined);
  resetPassword.mockReset().mockResolvedValue(undefined);
  getConfirmEmail.mockReset().mockResolvedValue(undefined);
});

describe('ForgotPasswordPage', () => {
  it('asks for a reset mail and says where it went, whether or not the account exists', async () => {
    renderWithApp(<ForgotPasswordPage />);

    await userEvent.type(screen.getByLabelText('Email'), ' ada@example.com ');
    await userEvent.click(screen.getByRole('button', { name: 'Send the reset link' }));

    expect(forgotPassword).toHaveBeenCalledWith({ email: 'ada@example.com' });
    expect(await screen.findByRole('status')).toHaveTextContent('If ada@example.com has a confirmed Okr account');
  });

  it('does not send without an address', async () => {
    renderWithApp(<ForgotPasswordPage />);

    await userEvent.click(screen.getByRole('button', { name: 'Send the reset link' }));

    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(forgotPassword).not.toHaveBeenCalled();
  });
});

describe('ResetPasswordPage', () => {
  const url = '/reset-password?email=ada%40example.com&code=CfDJ8%2Bcode';

  it('sets the new password with the email and code of the link', async () => {
    renderWithApp(<ResetPasswordPage />, { url });

    await userEvent.type(screen.getByLabelText(/New password/), 'Another-Okr-2027');
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));

    expect(resetPassword).toHaveBeenCalledWith({ email: 'ada@example.com', resetCode: 'CfDJ8+code', newPassword: 'Another-Okr-2027' });
    expect(await screen.findByRole('status')).toHaveTextContent('Your password is changed');
  });

  it("shows the server's reasons, and how to get a new link", async () => {
    resetPassword.mockRejectedValue(problem(400, { title: 'One or more validation errors occurred.', status: 400, code: 'VALIDATION', errors: { InvalidToken: ['Invalid token.'] } }));
    renderWithApp(<ResetPasswordPage />, { url });

    await userEvent.type(screen.getByLabelText(/New password/), 'Another-Okr-2027');
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Invalid token.');
    expect(alert).toHaveTextContent('ask for a new one');
  });

  it('refuses a link without its code', () => {
    renderWithApp(<ResetPasswordPage />, { url: '/reset-password?email=ada%40example.com' });

    expect(screen.getByRole('alert')).toHaveTextContent('This link is incomplete.');
  });
});

describe('ConfirmEmailPage', () => {
  it('confirms the address of the link once opened', async () => {
    renderWithApp(<ConfirmEmailPage />, { url: '/confirm-email?userId=u1&code=c%2B1' });

    expect(await screen.findByRole('status')).toHaveTextContent('Your email is confirmed');
    await waitFor(() => expect(getConfirmEmail).toHaveBeenCalledWith('u1', 'c+1', undefined, expect.anything()));
  });
});
