using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Okr.Benchmarks -- --filter '*'   (or scripts/bench.sh)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
