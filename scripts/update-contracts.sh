#!/usr/bin/env bash
# Regenerates the committed contracts from the code: openapi.json (REST), client/src/api/okr-client.ts
# (the NSwag TypeScript client), and schema.graphql (GraphQL SDL). Commit what changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OKR_UPDATE_CONTRACTS=1 dotnet test tests/Okr.Api.IntegrationTests --filter "Category=Contract" -nologo -v quiet
# The client is generated from the openapi.json just written, so run once more to pick it up.
OKR_UPDATE_CONTRACTS=1 dotnet test tests/Okr.Api.IntegrationTests --filter "Category=Contract" -nologo -v quiet --no-build
# The SPA's typed GraphQL documents follow schema.graphql.
(cd client && node codegen.mjs)
git status --short -- openapi.json client/src/api client/src/graphql schema.graphql
