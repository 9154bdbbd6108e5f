import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { Home, RedirectIfSignedIn, RequireMember, RequireSignedIn } from './guards';
import { Loading } from '../components/States';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/auth/SignInPage';

// Each screen is its own chunk: the first paint only loads the shell (and sign-in, where most visits begin).
const SignUpPage = lazy(() => import('../pages/auth/SignUpPage').then((m) => ({ default: m.SignUpPage })));
const CreateOrganizationPage = lazy(() => import('../pages/auth/CreateOrganizationPage').then((m) => ({ default: m.CreateOrganizationPage })));
const AcceptInvitationPage = lazy(() => import('../pages/auth/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })));
const ForgotPasswordPage = lazy(() => import('../pages/auth/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('../pages/auth/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })));
const ConfirmEmailPage = lazy(() => import('../pages/auth/ConfirmEmailPage').then((m) => ({ default: m.ConfirmEmailPage })));
const UnsubscribePage = lazy(() => import('../pages/auth/UnsubscribePage').then((m) => ({ default: m.UnsubscribePage })));
const MyWeekPage = lazy(() => import('../pages/my-week/MyWeekPage'));
const DashboardPage = lazy(() => import('../pages/dashboard/DashboardPage'));
const AlignmentPage = lazy(() => import('../pages/alignment/AlignmentPage'));
const UnitsPage = lazy(() => import('../pages/units/UnitsPage'));
const UnitPage = lazy(() => import('../pages/units/UnitPage'));
const ObjectivePage = lazy(() => import('../pages/objectives/ObjectivePage'));
const PeriodsPage = lazy(() => import('../pages/periods/PeriodsPage'));
const ReviewsPage = lazy(() => import('../pages/reviews/ReviewsPage'));
const ReviewPage = lazy(() => import('../pages/reviews/ReviewPage'));
const AdminPage = lazy(() => import('../pages/admin/AdminPage'));
const InboxPage = lazy(() => import('../pages/inbox/InboxPage'));
const MySettingsPage = lazy(() => import('../pages/settings/MySettingsPage'));
const ApiExplorerPage = lazy(() => import('../pages/ApiExplorerPage'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <RedirectIfSignedIn><SignInPage /></RedirectIfSignedIn> },
  { path: '/sign-up', element: <RedirectIfSignedIn><Lazy><SignUpPage /></Lazy></RedirectIfSignedIn> },
  { path: '/create-organization', element: <RequireSignedIn><Lazy><CreateOrganizationPage /></Lazy></RequireSignedIn> },
  { path: '/accept-invitation', element: <Lazy><AcceptInvitationPage /></Lazy> },
  { path: '/forgot-password', element: <RedirectIfSignedIn><Lazy><ForgotPasswordPage /></Lazy></RedirectIfSignedIn> },
  { path: '/reset-password', element: <Lazy><ResetPasswordPage /></Lazy> },
  { path: '/confirm-email', element: <Lazy><ConfirmEmailPage /></Lazy> },
  { path: '/unsubscribe', element: <Lazy><UnsubscribePage /></Lazy> },
  {
    path: '/',
    element: (
      <RequireMember>
        <AppLayout />
      </RequireMember>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: 'my-week', element: <Lazy><MyWeekPage /></Lazy> },
      { path: 'dashboard', element: <Lazy><DashboardPage /></Lazy> },
      { path: 'alignment', element: <Lazy><AlignmentPage /></Lazy> },
      { path: 'units', element: <Lazy><UnitsPage /></Lazy> },
      { path: 'units/:unitId', element: <Lazy><UnitPage /></Lazy> },
      { path: 'objectives/:objectiveId', element: <Lazy><ObjectivePage /></Lazy> },
      { path: 'periods', element: <Lazy><PeriodsPage /></Lazy> },
      { path: 'reviews', element: <Lazy><ReviewsPage /></Lazy> },
      { path: 'reviews/:reviewId', element: <Lazy><ReviewPage /></Lazy> },
      { path: 'admin', element: <Lazy><AdminPage /></Lazy> },
      { path: 'inbox', element: <Lazy><InboxPage /></Lazy> },
      { path: 'settings', element: <Lazy><MySettingsPage /></Lazy> },
      { path: 'api-explorer', element: <Lazy><ApiExplorerPage /></Lazy> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
