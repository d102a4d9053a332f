using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Engine
{
    /// <summary>
    /// Whether a rule may report anything in a compilation. A rule whose every descriptor is configured off everywhere
    /// (<c>SpecificDiagnosticOptions</c> from the command line or a ruleset, a globalconfig, <c>.editorconfig</c> for
    /// the ID, its category or all analyzers) subscribes to nothing and so costs nothing. Where the sources could
    /// disagree, or a value is not understood, the rule stays on: the driver drops suppressed diagnostics anyway.
    /// </summary>
    internal static class RuleEnablement
    {
        private const string CategoryKeyPrefix = "dotnet_analyzer_diagnostic.category-";
        private const string AllAnalyzersKey = "dotnet_analyzer_diagnostic.severity";

        public static bool IsEnabled(SmtpRule rule, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var descriptor in rule.SupportedDiagnostics)
            {
                if (!IsOffEverywhere(descriptor, compilation, options, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOffEverywhere(DiagnosticDescriptor descriptor, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var treeOptions = compilation.Options.SyntaxTreeOptionsProvider;
            var specific = compilation.Options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specificValue) ? specificValue : ReportDiagnostic.Default;
            var global = ReportDiagnostic.Default;
            if (treeOptions is not null && treeOptions.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var globalValue))
            {
                global = globalValue;
            }

            var categoryKey = CategoryKeyPrefix + descriptor.Category + ".severity";
            var configProvider = options.AnalyzerConfigOptionsProvider;
            var globalCategory = BulkSetting(configProvider.GlobalOptions, categoryKey);
            var globalAll = BulkSetting(configProvider.GlobalOptions, AllAnalyzersKey);

            foreach (var tree in compilation.SyntaxTrees)
            {
                var perTree = ReportDiagnostic.Default;
                if (treeOptions is not null && treeOptions.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var treeValue))
                {
                    perTree = treeValue;
                }

                // Settings for the ID itself: off only when every one that is given says so.
                var idOff = Off(perTree, specific, global, out var idGiven);
                if (idGiven)
                {
                    if (!idOff)
                    {
                        return false;
                    }

                    continue;
                }

                // Bulk settings (category, then all analyzers), per file or global.
                var treeConfig = configProvider.GetOptions(tree);
                var bulkOff = Off(BulkSetting(treeConfig, categoryKey), BulkSetting(treeConfig, AllAnalyzersKey), Bulk(globalCategory, globalAll), out var bulkGiven);
                if (bulkGiven)
                {
                    if (!bulkOff)
                    {
                        return false;
                    }

                    continue;
                }

                if (descriptor.IsEnabledByDefault)
                {
                    return false;
                }
            }

            return true;
        }

        private static ReportDiagnostic Bulk(ReportDiagnostic category, ReportDiagnostic all)
            => category != ReportDiagnostic.Default ? category : all;

        /// <summary>Whether every given value (not Default) is Suppress; <paramref name="given"/> tells whether any was given.</summary>
        private static bool Off(ReportDiagnostic first, ReportDiagnostic second, ReportDiagnostic third, out bool given)
        {
            given = false;
            var off = true;
            Add(first, ref given, ref off);
            Add(second, ref given, ref off);
            Add(third, ref given, ref off);
            return off;

            static void Add(ReportDiagnostic value, ref bool given, ref bool off)
            {
                if (value != ReportDiagnostic.Default)
                {
                    given = true;
                    off &= value == ReportDiagnostic.Suppress;
                }
            }
        }

        private static ReportDiagnostic BulkSetting(AnalyzerConfigOptions options, string key)
        {
            if (!options.TryGetValue(key, out var value))
            {
                return ReportDiagnostic.Default;
            }

            // Anything but "none" (error, warning, suggestion, silent, default, or a typo) leaves the rule on.
            return string.Equals(value.Trim(), "none", StringComparison.OrdinalIgnoreCase) ? ReportDiagnostic.Suppress : ReportDiagnostic.Warn;
        }
    }
}
