using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpAnalyzers.Rules.Security
{
    /// <summary>The hosts MailKit Connect calls name: the <c>host</c> argument, or the host of <c>new Uri("constant")</c>.</summary>
    internal static class ConnectHosts
    {
        /// <summary>Whether every Connect names a constant loopback host (at least one Connect).</summary>
        public static bool AllLoopback(List<IInvocationOperation> connects)
        {
            if (connects.Count == 0)
            {
                return false;
            }

            foreach (var connect in connects)
            {
                var host = Host(connect);
                if (host is null || !SecurityExemptions.IsLoopbackHost(host))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The constant host a Connect call names, or null.</summary>
        public static string? Host(IInvocationOperation connect)
        {
            foreach (var argument in connect.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                if (parameter.Name == "host" && argument.Value.ConstantValue is { HasValue: true, Value: string host })
                {
                    return host;
                }

                if (parameter.Type is INamedTypeSymbol { Name: "Uri" } && ConstantUri(argument.Value) is { } uri)
                {
                    return UriHost(uri);
                }
            }

            return null;
        }

        /// <summary>The text of <c>new Uri("constant")</c>, or null.</summary>
        public static string? ConstantUri(IOperation value)
        {
            if (SmtpReceiver.StripConversions(value) is IObjectCreationOperation { Arguments.Length: 1 } creation
                && creation.Type is INamedTypeSymbol { Name: "Uri", ContainingNamespace.Name: "System" }
                && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text })
            {
                return text;
            }

            return null;
        }

        /// <summary>The host of a URI's text ("smtp://localhost:25" gives "localhost"), or null.</summary>
        public static string? UriHost(string uri)
        {
            var start = uri.IndexOf("://", System.StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            start += 3;
            var at = uri.IndexOf('@', start);
            var end = uri.IndexOfAny(new[] { '/', '?', '#' }, start);
            if (end < 0)
            {
                end = uri.Length;
            }

            if (at >= 0 && at < end)
            {
                start = at + 1;
            }

            var authority = uri.Substring(start, end - start);
            if (authority.StartsWith("[", System.StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                return close < 0 ? null : authority.Substring(0, close + 1);
            }

            var colon = authority.IndexOf(':');
            return colon < 0 ? authority : authority.Substring(0, colon);
        }
    }
}
