import {
  AuthClient,
  KeyResultsClient,
  ObjectivesClient,
  OrganizationsClient,
} from './okr-client';
import { httpFetch } from './http';

const http = { fetch: httpFetch };

/** The NSwag-generated REST clients (commands), sharing the session cookie. */
export const api = {
  auth: new AuthClient('', http),
  organizations: new OrganizationsClient('', http),
  objectives: new ObjectivesClient('', http),
  keyResults: new KeyResultsClient('', http),
};
