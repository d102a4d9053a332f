using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SmtpAnalyzers.PackageTests.Infrastructure
{
    /// <summary>
    /// One diagnostic line of MSBuild's console logger or of dotnet format, such as
    /// <c>/path/File.cs(9,42): warning SMTP1001: Use ... instead of the number 550 (https://...) [/path/App.csproj]</c>.
    /// </summary>
    public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
    {
        private static readonly Regex LinePattern = new(
            @"^\s*(?<file>.+?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\[\]]+\])?\s*$",
            RegexOptions.CultureInvariant);

        public static IReadOnlyList<BuildDiagnostic> Parse(string output)
        {
            var found = new List<BuildDiagnostic>();
            foreach (var line in output.Split('\n'))
            {
                var match = LinePattern.Match(line.TrimEnd('\r'));
                if (!match.Success)
                {
                    continue;
                }

                found.Add(new BuildDiagnostic(
                    match.Groups["file"].Value,
                    int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value));
            }

            return found.Distinct().ToList();
        }

        public bool IsAt(string file, int line, int column)
            => Line == line && Column == column && string.Equals(NormalizePath(File), NormalizePath(file), StringComparison.Ordinal);

        public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";

        private static string NormalizePath(string path) => System.IO.Path.GetFullPath(path).Replace('\\', '/');
    }
}
