using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Xunit;

namespace SmtpAnalyzers.PackageTests.Infrastructure
{
    /// <summary>Runs the real <c>dotnet</c> CLI as a child process and captures everything it prints.</summary>
    public static class DotnetCli
    {
        /// <summary>Long enough for a cold restore and build on a busy 2-core machine, short enough to notice a hang.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(4);

        /// <summary>
        /// The dotnet that runs these tests when the test host says so (<c>DOTNET_HOST_PATH</c>), else the one on PATH.
        /// </summary>
        public static string Executable { get; } = ResolveExecutable();

        /// <summary>
        /// Switches for commands that run MSBuild: no node or compiler server outlives the command, and plain
        /// console output (one diagnostic per line) instead of the terminal logger.
        /// </summary>
        public static IReadOnlyList<string> BuildSwitches { get; } = new[] { "-nodeReuse:false", "--disable-build-servers", "-tl:off" };

        /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
        /// <param name="workingDirectory">The child's current directory.</param>
        /// <param name="arguments">Arguments, each passed as one argument (no shell quoting involved).</param>
        /// <param name="environment">Variables to set (a null value removes the variable) after the defaults.</param>
        /// <param name="timeout">How long to wait before killing the child and its descendants.</param>
        public static CommandResult Run(
            string workingDirectory,
            IEnumerable<string> arguments,
            IReadOnlyDictionary<string, string?>? environment = null,
            TimeSpan? timeout = null)
        {
            var startInfo = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            PrepareEnvironment(startInfo.Environment);
            if (environment is not null)
            {
                foreach (var pair in environment)
                {
                    if (pair.Value is null)
                    {
                        startInfo.Environment.Remove(pair.Key);
                    }
                    else
                    {
                        startInfo.Environment[pair.Key] = pair.Value;
                    }
                }
            }

            var commandLine = "dotnet " + string.Join(" ", startInfo.ArgumentList.Select(Quote));
            var output = new StringBuilder();
            var gate = new object();
            void Append(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (gate)
                {
                    output.AppendLine(line);
                }
            }

            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var limit = timeout ?? DefaultTimeout;
            var timedOut = !process.WaitForExit(limit);
            if (timedOut)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the timeout and the kill.
                }
            }

            // Without a timeout this also waits for the redirected streams to be read to the end.
            process.WaitForExit();
            stopwatch.Stop();

            string text;
            lock (gate)
            {
                text = output.ToString();
            }

            return new CommandResult(commandLine, workingDirectory, timedOut ? null : process.ExitCode, text, stopwatch.Elapsed, limit);
        }

        private static void PrepareEnvironment(IDictionary<string, string?> environment)
        {
            // A test host started by dotnet test inherits the variables with which the outer dotnet pointed
            // MSBuild at its own SDK and tasks (MSBuildExtensionsPath, MSBuildSDKsPath, MSBUILD_EXE_PATH,
            // MSBuildLoadMicrosoftTargetsReadOnly, ...). A child dotnet must resolve its SDK on its own.
            var inherited = environment.Keys
                .Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("DOTNET_MSBUILD_SDK_RESOLVER", StringComparison.OrdinalIgnoreCase))
                .ToList();
            foreach (var name in inherited)
            {
                environment.Remove(name);
            }

            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";

            // Belt and braces with -nodeReuse:false, for the MSBuild that dotnet format starts for its restore.
            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        }

        private static string ResolveExecutable()
        {
            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(hostPath) ? "dotnet" : hostPath;
        }

        private static string Quote(string argument)
            => argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"') ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>What a <c>dotnet</c> command did: its exit code (null when it was killed) and its stdout and stderr, interleaved.</summary>
    public sealed record CommandResult(string CommandLine, string WorkingDirectory, int? ExitCode, string Output, TimeSpan Duration, TimeSpan Timeout)
    {
        public bool TimedOut => ExitCode is null;

        public bool Succeeded => ExitCode == 0;

        /// <summary>The command, where it ran, how it ended and its whole output: the text of every failure message.</summary>
        public string Describe()
        {
            var ending = TimedOut ? $"was killed after the {Timeout.TotalSeconds:0}s timeout" : $"exited with code {ExitCode} after {Duration.TotalSeconds:0.0}s";
            return $"`{CommandLine}` (in {WorkingDirectory}) {ending}. Output:{Environment.NewLine}{Output}";
        }

        /// <summary>Fails the test with the command's output unless it exited with code 0.</summary>
        public CommandResult ShouldSucceed()
        {
            Assert.True(Succeeded, "Expected the command to succeed. " + Describe());
            return this;
        }

        /// <summary>Fails the test with the command's output unless it ran to the end and exited with a non-zero code.</summary>
        public CommandResult ShouldFail()
        {
            Assert.True(!TimedOut && ExitCode != 0, "Expected the command to fail (non-zero exit code). " + Describe());
            return this;
        }

        /// <summary>The compiler and MSBuild diagnostics in the output, each once (the build summary repeats them).</summary>
        public IReadOnlyList<BuildDiagnostic> Diagnostics => BuildDiagnostic.Parse(Output);
    }
}
