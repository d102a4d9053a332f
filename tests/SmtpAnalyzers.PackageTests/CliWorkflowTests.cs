using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SmtpAnalyzers.PackageTests
{
    /// <summary>
    /// The package as a team uses it from the command line, over a consumer with violations of every rule
    /// (<see cref="ViolationCorpus"/>): <c>dotnet format analyzers</c> fixes what has a fix and leaves a project that
    /// builds, and a CI build with warnings as errors publishes a SARIF log for code-scanning tools (README, "Use in CI").
    /// </summary>
    public sealed class CliWorkflowTests : IClassFixture<PackedPackageFixture>
    {
        /// <summary>The README's switch, with the comma escaped: MSBuild splits a -p: value at a bare comma.</summary>
        private const string SarifSwitch = "-p:ErrorLog=smtp.sarif%2Cversion=2.1";

        private const string SarifFile = "smtp.sarif";

        private const string HelpLinkBase = "https://github.com/SmtpAnalyzers/SmtpAnalyzers/blob/main/";

        private readonly PackedPackageFixture package;
        private readonly ITestOutputHelper output;

        public CliWorkflowTests(PackedPackageFixture package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
        }

        [Fact]
        public void DotnetFormatAnalyzers_FixesEveryShapeWithAFix_TheProjectBuilds_ASecondRunChangesNothing()
        {
            var consumer = CreateConsumer("format-all");
            var projectBefore = File.ReadAllText(consumer.ProjectFile);

            var format = Log(consumer.Run("format", "analyzers", "--severity", "info")).ShouldSucceed();

            // The project file is the user's: the MSBuild workspace behind dotnet format writes a Compile item for every
            // document a fix adds (dotnet/roslyn#36781), which failed the next build with NETSDK1022.
            CheckText(projectBefore, File.ReadAllText(consumer.ProjectFile), "dotnet format must not edit the project file.", format);
            var files = SourceFiles(consumer);
            Check(
                files.Keys.Order(StringComparer.Ordinal).SequenceEqual(ViolationCorpus.Files.Keys.Order(StringComparer.Ordinal)),
                "Expected dotnet format to add no file, found: " + string.Join(", ", files.Keys),
                format);
            var holders = files.Where(f => f.Value.Contains("internal static class SmtpReplyCodes", StringComparison.Ordinal)).Select(f => f.Key).ToList();
            Check(holders.Count == 1 && Count(files[holders[0]], "internal static class SmtpReplyCodes") == 1, "Expected one SmtpReplyCodes holder, in: " + string.Join(", ", holders), format);

            // A sample of the fixes, one per family of shapes; the exact text of each is the unit tests' business.
            var all = string.Join(Environment.NewLine, files.Values);
            foreach (var expected in new[]
            {
                "ex.StatusCode == Kit.SmtpStatusCode.MailboxUnavailable",
                "ex.StatusCode == SmtpReplyCodes.SystemNetMail.AuthenticationInvalidCredentials",
                "ex.StatusCode == SmtpReplyCodes.MailKit.DomainDoesNotAcceptMail",
                "public static bool IsPermanent(Net.SmtpException ex) => ex.StatusCode.IsPermanentFailure();",
                "public static bool IsPermanentFrom550(Net.SmtpException ex) => ex.StatusCode.IsPermanentFailure();",
                "ex.StatusCode == Net.SmtpStatusCode.MailboxUnavailable;",
                "catch (Net.SmtpException smtpEx) when (smtpEx.StatusCode.IsTransientFailure())",
                "catch (Kit.SmtpCommandException ex) when (ex.StatusCode.IsTransientFailure())",
                "catch (Net.SmtpFailedRecipientException)",
                "await client.SendMailAsync(message);",
                "Policy.Handle<Net.SmtpException>(ex => ex.StatusCode.IsTransientFailure())",
                "new PredicateBuilder().Handle<Kit.SmtpCommandException>(ex => ex.StatusCode.IsTransientFailure())",
                "new Net.SmtpClient(\"smtp.example.com\", 587) { EnableSsl = true, Credentials = credentials };",
                "new Net.SmtpClient(\"relay.example.com\", 587) { EnableSsl = true };",
                "await client.ConnectAsync(\"smtp.example.com\", 25, SecureSocketOptions.StartTls);",
                "await client.ConnectAsync(\"smtp.example.com\", 587, options: SecureSocketOptions.StartTls);",
                "client.CheckCertificateRevocation = true;",
                "client.SslProtocols = SslProtocols.Tls12;",
                "new Net.SmtpClient(\"mail.example.com\", 587) { EnableSsl = true };",
            })
            {
                Check(all.Contains(expected, StringComparison.Ordinal), $"Expected `{expected}` after dotnet format.{Environment.NewLine}{all}", format);
            }

            var build = Log(consumer.Build(SarifSwitch)).ShouldSucceed();
            Check(!build.Diagnostics.Any(d => d.Severity == "error"), "Expected no error after the fixes.", build);
            var sarif = SarifLog.Read(Path.Combine(consumer.Directory, SarifFile));

            // Left: exactly the lines marked "no fix", each with the rule it names (the docs' "Shapes without a fix").
            var marked = files
                .SelectMany(f => f.Value.Split('\n').Select((text, index) => (File: f.Key, Line: index + 1, Text: text)))
                .Where(l => l.Text.Contains(ViolationCorpus.NoFixMarker, StringComparison.Ordinal))
                .Select(l => $"{l.File}:{l.Line} {Regex.Match(l.Text, Regex.Escape(ViolationCorpus.NoFixMarker) + @"(SMTP\d+)").Groups[1].Value}")
                .Order(StringComparer.Ordinal)
                .ToList();
            var left = sarif.SmtpResults
                .Select(r => $"{Path.GetFileName(r.File)}:{r.Line} {r.RuleId}")
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            Check(
                marked.SequenceEqual(left),
                $"Expected the SMTP diagnostics left to be exactly the marked lines{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", marked)}"
                    + $"{Environment.NewLine}got{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", sarif.SmtpResults)}",
                build);

            // The security fixes name SecureSocketOptions: where it was not in scope, the fix imports it (the project builds above).
            Check(files["Transport.cs"].Contains("using MailKit.Security;", StringComparison.Ordinal), "Expected the SMTP3002 fix to import MailKit.Security." + Environment.NewLine + files["Transport.cs"], format);
            Check(!all.Contains("client.ServerCertificateValidationCallback = (s, c, h, e) => true;", StringComparison.Ordinal), "Expected the SMTP3003 fix to remove the override." + Environment.NewLine + all, format);

            // Through a send wrapper, SMTP2001, SMTP2002 and SMTP2004 fix as for a direct send and name the wrapper in a comment.
            foreach (var comment in new[] { "// SendEmailAsync sends mail: its SMTP failures arrive in this catch.", "// Deliver sends mail: only its transient (4yz) failures are retried here", "// SendEmailAsync sends mail: awaited so that" })
            {
                Check(files["Wrappers.cs"].Contains(comment, StringComparison.Ordinal), $"Expected the comment '{comment}' in the fixed Wrappers.cs." + Environment.NewLine + files["Wrappers.cs"], format);
            }

            // A second run finds nothing more to fix.
            var again = Log(consumer.Run("format", "analyzers", "--severity", "info")).ShouldSucceed();
            var filesAgain = SourceFiles(consumer);
            foreach (var (name, text) in files)
            {
                CheckText(text, filesAgain[name], $"A second dotnet format changed {name}.", again);
            }

            CheckText(projectBefore, File.ReadAllText(consumer.ProjectFile), "A second dotnet format edited the project file.", again);
        }

        [Fact]
        public void CiBuild_WarningsAsErrorsWithSarif_FailsAndLogsEveryRuleWithLevelLocationAndHelpUri()
        {
            var consumer = CreateConsumer("ci-sarif");

            var build = Log(consumer.Build("-p:TreatWarningsAsErrors=true", SarifSwitch)).ShouldFail();

            var path = Path.Combine(consumer.Directory, SarifFile);
            Check(File.Exists(path), $"No SARIF log at {path}.", build);
            var sarif = SarifLog.Read(path);
            var shown = Environment.NewLine + "SARIF:" + Environment.NewLine + sarif.Text;
            Check(sarif.Version == "2.1.0", $"Expected a SARIF 2.1.0 log, got version \"{sarif.Version}\".", build);

            var results = sarif.SmtpResults;
            var ids = results.Select(r => r.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
            Check(ids.SequenceEqual(ViolationCorpus.RuleIds), "Expected results of every rule " + string.Join(", ", ViolationCorpus.RuleIds) + ", got " + string.Join(", ", ids) + shown, build);

            foreach (var result in results)
            {
                // SMTP2005, SMTP3002 and SMTP3004 are Info by default (note); the others are warnings, errors here.
                var level = ViolationCorpus.InfoRuleIds.Contains(result.RuleId) ? "note" : "error";
                Check(result.Level == level, $"Expected level {level} for {result}.", build);
                Check(result.Message.Length > 0, $"Expected a message for {result}.", build);
                var file = Path.GetFullPath(result.File);
                Check(
                    file.StartsWith(Path.GetFullPath(consumer.Directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file) && result.Line > 0 && result.Column > 0,
                    $"Expected a location in a source file of the consumer for {result}.",
                    build);
                if (level == "error")
                {
                    Check(
                        build.Diagnostics.Any(d => d.Id == result.RuleId && d.Severity == "error" && d.IsAt(file, result.Line, result.Column)),
                        $"Expected the build output to report {result} at the same place.",
                        build);
                }
            }

            var errors = build.Diagnostics.Where(d => d.Id.StartsWith("SMTP", StringComparison.Ordinal)).ToList();
            Check(
                errors.All(d => results.Any(r => r.RuleId == d.Id && d.IsAt(r.File, r.Line, r.Column))),
                "Expected every SMTP error of the build in the SARIF log." + shown,
                build);

            foreach (var id in ViolationCorpus.RuleIds)
            {
                Check(sarif.HelpUris.TryGetValue(id, out var helpUri), $"Expected a rule descriptor for {id} in the SARIF log." + shown, build);
                var page = $"docs/rules/{id}.md";
                Check(helpUri == HelpLinkBase + page, $"Expected the help URI of {id} to be {HelpLinkBase + page}, got {helpUri}.", build);
                Check(File.Exists(Path.Combine(Repository.Root, page)), $"The help URI of {id} names {page}, which the repository does not have.", build);
            }
        }

        private ConsumerProject CreateConsumer(string name)
            => package.CreateConsumer(
                name,
                ViolationCorpus.Files,
                [("Polly", Repository.PollyVersion)],
                [
                    // The SDK's own analyzers have info-level fixes too (CA1822, make a member static): dotnet format
                    // --severity info would apply them. This consumer checks what SmtpAnalyzers does.
                    new System.Xml.Linq.XElement("EnableNETAnalyzers", "false"),
                ]);

        private static Dictionary<string, string> SourceFiles(ConsumerProject consumer)
            => Directory.GetFiles(consumer.Directory, "*.cs", SearchOption.TopDirectoryOnly)
                .Concat(Directory.GetDirectories(consumer.Directory)
                    .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
                    .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories)))
                .ToDictionary(f => Path.GetRelativePath(consumer.Directory, f), File.ReadAllText, StringComparer.Ordinal);

        private static int Count(string text, string part)
        {
            var count = 0;
            for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static void Check(bool condition, string message, CommandResult result)
            => Assert.True(condition, message + Environment.NewLine + result.Describe());

        private static void CheckText(string expected, string actual, string message, CommandResult result)
            => Check(
                expected == actual,
                $"{message}{Environment.NewLine}Expected:{Environment.NewLine}{expected}{Environment.NewLine}Actual:{Environment.NewLine}{actual}",
                result);

        private CommandResult Log(CommandResult result)
        {
            var ending = result.TimedOut ? "timed out" : $"exit {result.ExitCode}";
            output.WriteLine($"{result.CommandLine} ({result.WorkingDirectory}): {ending}, {result.Duration.TotalSeconds:0.0}s");
            return result;
        }
    }
}
