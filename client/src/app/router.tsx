import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { RedirectIfSignedIn, RequireMember, RequireSignedIn } from './guards';
import { Loading } from '../components/States';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/auth/SignInPage';
import { SignUpPage } from '../pages/auth/SignUpPage';
import { CreateOrganizationPage } from '../pages/auth/CreateOrganizationPage';
import { AcceptInvitationPage } from '../pages/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from '../pages/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../pages/auth/ResetPasswordPage';
import { ConfirmEmailPage } from '../pages/auth/ConfirmEmailPage';

// Each screen is its own chunk: the first paint only loads the shell.
const MyWeekPage = lazy(() => import('../pages/my-week/MyWeekPage'));
const DashboardPage = lazy(() => import('../pages/dashboard/DashboardPage'));
const AlignmentPage = lazy(() => import('../pages/alignment/AlignmentPage'));
const UnitsPage = lazy(() => import('../pages/units/UnitsPage'));
const UnitPage = lazy(() => import('../pages/units/UnitPage'));
const ObjectivePage = lazy(() => import('../pages/objectives/ObjectivePage'));
const PeriodsPage = lazy(() => import('../pages/periods/PeriodsPage'));
const AdminPage = lazy(() => import('../pages/admin/AdminPage'));
const ApiExplorerPage = lazy(() => import('../pages/ApiExplorerPage'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <RedirectIfSignedIn><SignInPage /></RedirectIfSignedIn> },
  { path: '/sign-up', element: <RedirectIfSignedIn><SignUpPage /></RedirectIfSignedIn> },
  { path: '/create-organization', element: <RequireSignedIn><CreateOrganizationPage /></RequireSignedIn> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  { path: '/forgot-password', element: <RedirectIfSignedIn><ForgotPasswordPage /></RedirectIfSignedIn> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/confirm-email', element: <ConfirmEmailPage /> },
  {
    path: '/',
    element: (
      <RequireMember>
        <AppLayout />
      </RequireMember>
    ),
    children: [
      { index: true, element: <Navigate to="/my-week" replace /> },
      { path: 'my-week', element: <Lazy><MyWeekPage /></Lazy> },
      { path: 'dashboard', element: <Lazy><DashboardPage /></Lazy> },
      { path: 'alignment', element: <Lazy><AlignmentPage /></Lazy> },
      { path: 'units', element: <Lazy><UnitsPage /></Lazy> },
      { path: 'units/:unitId', element: <Lazy><UnitPage /></Lazy> },
      { path: 'objectives/:objectiveId', element: <Lazy><ObjectivePage /></Lazy> },
      { path: 'periods', element: <Lazy><PeriodsPage /></Lazy> },
      { path: 'admin', element: <Lazy><AdminPage /></Lazy> },
      { path: 'api-explorer', element: <Lazy><ApiExplorerPage /></Lazy> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
