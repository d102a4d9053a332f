using System;
using System.Linq;
using BenchmarkDotNet.Running;
using SmtpAnalyzers.Benchmarks;

// dotnet run -c Release --project tests/SmtpAnalyzers.Benchmarks -- --quick [--files N] [--iterations K] [--scaling 250,500,1000,2000 | --no-scaling]
// dotnet run -c Release --project tests/SmtpAnalyzers.Benchmarks -- --bdn [BenchmarkDotNet arguments, e.g. --filter *]
if (args.Length > 0 && args[0] == "--quick")
{
    return QuickMode.Run(Options.Parse(args.Skip(1)));
}

if (args.Length > 0 && args[0] == "--callbacks")
{
    return QuickMode.Callbacks(Options.Parse(args.Skip(1)));
}

if (args.Length > 1 && args[0] == "--project")
{
    return ProjectMode.Run(args[1], Options.Parse(args.Skip(2)));
}

if (args.Length > 1 && args[0] == "--cold")
{
    return ColdMode.Run(args[1], Options.Parse(args.Skip(2)));
}

if (args.Length > 0 && args[0] == "--bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(AnalyzerBenchmarks).Assembly).Run(args.Skip(1).ToArray());
    return 0;
}

Console.WriteLine("usage: --quick [--files N] [--iterations K] [--scaling 250,500,1000,2000 | --no-scaling] [--telemetry-iterations K] [--scaling-iterations K]");
Console.WriteLine("       --callbacks [--files N] [--iterations K] [--sequential]   (callback time only: the engine, both floors, one engine per rule; --sequential: the compile on one thread, the analyzers one action at a time)");
Console.WriteLine("       --project CSC_COMMAND_FILE [--iterations K] [--sequential]   (a real project in process, from the csc command line its build logged; see project-command.sh)");
Console.WriteLine("       --cold CSC_COMMAND_FILE [--iterations K] [--server] [--sequential]   (a real project built by fresh csc processes, or in the warm compiler server: the compiler alone, the no-op floor and SmtpAnalyzers, from /reportanalyzer; --sequential: each compile on one thread)");
Console.WriteLine("       --bdn [BenchmarkDotNet arguments, e.g. --filter *]");
return 1;
