import {
  AnnotationsClient,
  AuthClient,
  BackgroundWorkClient,
  BusinessReviewsClient,
  CommentsClient,
  EmailClient,
  FocusAreasClient,
  InitiativesClient,
  InvitationsClient,
  KeyResultsClient,
  KpisClient,
  NotificationsClient,
  ObjectivesClient,
  OrgUnitsClient,
  OrganizationsClient,
  PeopleClient,
  PeriodsClient,
  ServiceAccountsClient,
  WebhooksClient,
} from './okr-client';
import { httpFetch } from './http';

const http = { fetch: httpFetch };

/** The NSwag-generated REST clients (every command), sharing the session cookie. */
export const api = {
  annotations: new AnnotationsClient('', http),
  auth: new AuthClient('', http),
  backgroundWork: new BackgroundWorkClient('', http),
  businessReviews: new BusinessReviewsClient('', http),
  comments: new CommentsClient('', http),
  email: new EmailClient('', http),
  focusAreas: new FocusAreasClient('', http),
  initiatives: new InitiativesClient('', http),
  invitations: new InvitationsClient('', http),
  keyResults: new KeyResultsClient('', http),
  kpis: new KpisClient('', http),
  notifications: new NotificationsClient('', http),
  objectives: new ObjectivesClient('', http),
  orgUnits: new OrgUnitsClient('', http),
  organizations: new OrganizationsClient('', http),
  people: new PeopleClient('', http),
  periods: new PeriodsClient('', http),
  serviceAccounts: new ServiceAccountsClient('', http),
  webhooks: new WebhooksClient('', http),
};
