import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ApiError, httpFetch } from './http';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; errors?: Record<string, string[]> } }[];
}

/** Runs a typed GraphQL query against /graphql (reads only; writes are REST's). */
export async function graphql<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const response = await httpFetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    signal: signal ?? null,
  });
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError('The server answered with something that is not GraphQL.', response.status);
  }
  const first = body.errors?.[0];
  if (first) {
    throw new ApiError(first.message, response.status, first.extensions?.code, first.extensions?.errors ?? {});
  }
  if (!body.data) throw new ApiError('The server returned no data.', response.status);
  return body.data;
}
