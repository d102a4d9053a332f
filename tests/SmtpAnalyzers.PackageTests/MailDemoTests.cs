using System;
using System.IO;
using System.Linq;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SmtpAnalyzers.PackageTests
{
    /// <summary>The demo the README points to: <c>dotnet build docs/samples/MailDemo</c> from the repository root.</summary>
    public sealed class MailDemoTests
    {
        private readonly ITestOutputHelper output;

        public MailDemoTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void DemoBuild_SucceedsAndPrintsSmtp1001AndSmtp3001Warnings()
        {
            // The README's command, with its outputs sent to a new folder: that makes it the clean build a reader
            // gets from a fresh clone (an up-to-date build compiles nothing and prints no warning), and it keeps
            // this build out of the work tree's bin/ and obj/, which a concurrent build may be using.
            using var artifacts = TempFolder.Create("maildemo");
            var build = DotnetCli.Run(
                Repository.Root,
                ["build", "docs/samples/MailDemo", "--artifacts-path", artifacts.Path, .. DotnetCli.BuildSwitches]);
            output.WriteLine($"{build.CommandLine}: exit {build.ExitCode}, {build.Duration.TotalSeconds:0.0}s");
            build.ShouldSucceed();

            var demoFolder = Path.Combine(Repository.Root, "docs", "samples", "MailDemo") + Path.DirectorySeparatorChar;
            var smtp1001 = build.Diagnostics.Where(d => d.Id == "SMTP1001").ToList();
            Assert.True(smtp1001.Count > 0, "Expected SMTP1001 warnings from the demo." + Environment.NewLine + build.Describe());
            Assert.True(
                smtp1001.All(d => d.Severity == "warning" && Path.GetFullPath(d.File).StartsWith(demoFolder, StringComparison.Ordinal)),
                $"Expected every SMTP1001 to be a warning in a file of {demoFolder}." + Environment.NewLine + build.Describe());
            // The security family: SubmissionSender sets Credentials on a client whose EnableSsl is false.
            var smtp3001 = build.Diagnostics.Where(d => d.Id == "SMTP3001").ToList();
            Assert.True(
                smtp3001.Count == 1 && smtp3001[0].Severity == "warning" && Path.GetFileName(smtp3001[0].File) == "SubmissionSender.cs",
                "Expected one SMTP3001 warning, in SubmissionSender.cs." + Environment.NewLine + build.Describe());
            foreach (var diagnostic in smtp1001.Concat(smtp3001))
            {
                output.WriteLine(diagnostic.ToString());
            }
        }
    }
}
