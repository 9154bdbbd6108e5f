#!/usr/bin/env bash
# Runs the benchmarks (BenchmarkDotNet, Release). Extra arguments go to BenchmarkDotNet, e.g. --filter '*Rollup*'.
# Results (tables with time and allocations) land in BenchmarkDotNet.Artifacts/results.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "$#" -eq 0 ]; then set -- --filter '*'; fi
dotnet run -c Release --project benchmarks/Okr.Benchmarks -- "$@"
