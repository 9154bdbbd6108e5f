import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Container, Title } from '@mantine/core';
import { AppLayout } from './AppLayout';
import { RedirectIfSignedIn, RequireMember, RequireSignedIn } from './guards';
import { Loading } from '../components/States';
import { SignInPage } from '../pages/auth/SignInPage';
import { SignUpPage } from '../pages/auth/SignUpPage';
import { CreateOrganizationPage } from '../pages/auth/CreateOrganizationPage';
import { AcceptInvitationPage } from '../pages/auth/AcceptInvitationPage';

const ApiExplorerPage = lazy(() => import('../pages/ApiExplorerPage'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Placeholder({ title }: { title: string }) {
  return (
    <Container size="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
    </Container>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <RedirectIfSignedIn><SignInPage /></RedirectIfSignedIn> },
  { path: '/sign-up', element: <RedirectIfSignedIn><SignUpPage /></RedirectIfSignedIn> },
  { path: '/create-organization', element: <RequireSignedIn><CreateOrganizationPage /></RequireSignedIn> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  {
    path: '/',
    element: (
      <RequireMember>
        <AppLayout />
      </RequireMember>
    ),
    children: [
      { index: true, element: <Navigate to="/my-week" replace /> },
      { path: 'my-week', element: <Placeholder title="My week" /> },
      { path: 'dashboard', element: <Placeholder title="Dashboard" /> },
      { path: 'alignment', element: <Placeholder title="Alignment map" /> },
      { path: 'units', element: <Placeholder title="Units" /> },
      { path: 'periods', element: <Placeholder title="Periods" /> },
      { path: 'admin', element: <Placeholder title="Admin" /> },
      { path: 'api-explorer', element: <Lazy><ApiExplorerPage /></Lazy> },
      { path: '*', element: <Placeholder title="Not found" /> },
    ],
  },
]);
