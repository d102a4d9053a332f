using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SmtpAnalyzers.PackageTests.Infrastructure
{
    /// <summary>One result of a SARIF 2.1 log written by the compiler (<c>-p:ErrorLog=file%2Cversion=2.1</c>).</summary>
    public sealed record SarifResult(string RuleId, string Level, string Message, string File, int Line, int Column)
    {
        public override string ToString() => $"{File}({Line},{Column}): {Level} {RuleId}: {Message}";
    }

    /// <summary>The parts of a compiler SARIF 2.1 log the package tests check: version, results, and each rule's help URI.</summary>
    public sealed class SarifLog
    {
        private SarifLog(string version, IReadOnlyList<SarifResult> results, IReadOnlyDictionary<string, string?> helpUris, string text)
        {
            Version = version;
            Results = results;
            HelpUris = helpUris;
            Text = text;
        }

        public string Version { get; }

        public IReadOnlyList<SarifResult> Results { get; }

        /// <summary>Rule ID to the helpUri of its rule descriptor in <c>runs[].tool.driver.rules</c> (null when it has none).</summary>
        public IReadOnlyDictionary<string, string?> HelpUris { get; }

        /// <summary>The whole log, for failure messages.</summary>
        public string Text { get; }

        public static SarifLog Read(string path)
        {
            var text = File.ReadAllText(path);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var version = root.TryGetProperty("version", out var v) ? v.GetString() ?? string.Empty : string.Empty;
            var results = new List<SarifResult>();
            var helpUris = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var run in root.GetProperty("runs").EnumerateArray())
            {
                if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) && driver.TryGetProperty("rules", out var rules))
                {
                    foreach (var rule in rules.EnumerateArray())
                    {
                        helpUris[rule.GetProperty("id").GetString()!] = rule.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null;
                    }
                }

                if (!run.TryGetProperty("results", out var runResults))
                {
                    continue;
                }

                foreach (var result in runResults.EnumerateArray())
                {
                    var file = string.Empty;
                    int line = 0, column = 0;
                    if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                        && locations[0].TryGetProperty("physicalLocation", out var physical))
                    {
                        if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
                        {
                            var value = uri.GetString() ?? string.Empty;
                            file = Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : value;
                        }

                        if (physical.TryGetProperty("region", out var region))
                        {
                            line = region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 0;
                            column = region.TryGetProperty("startColumn", out var c) ? c.GetInt32() : 0;
                        }
                    }

                    results.Add(new SarifResult(
                        result.GetProperty("ruleId").GetString() ?? string.Empty,
                        result.TryGetProperty("level", out var level) ? level.GetString() ?? string.Empty : "warning",
                        result.TryGetProperty("message", out var message) && message.TryGetProperty("text", out var messageText) ? messageText.GetString() ?? string.Empty : string.Empty,
                        file,
                        line,
                        column));
                }
            }

            return new SarifLog(version, results, helpUris, text);
        }

        /// <summary>The results whose rule ID starts with SMTP.</summary>
        public IReadOnlyList<SarifResult> SmtpResults => Results.Where(r => r.RuleId.StartsWith("SMTP", StringComparison.Ordinal)).ToList();
    }
}
