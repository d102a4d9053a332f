using System;
using System.IO;

namespace SmtpAnalyzers.PackageTests.Infrastructure
{
    /// <summary>A new folder under the system temp folder, deleted (best effort) on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        private TempFolder(string path) => Path = path;

        public string Path { get; }

        public static TempFolder Create(string purpose)
        {
            var folder = new TempFolder(Directory.CreateTempSubdirectory($"smtpanalyzers-{purpose}-").FullName);
            if (Repository.Contains(folder.Path))
            {
                folder.Dispose();
                throw new InvalidOperationException(
                    $"The temp folder {folder.Path} is inside the repository {Repository.Root}: its Directory.*.props would apply. Point TMPDIR elsewhere.");
            }

            return folder;
        }

        public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

        public void Dispose()
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }
            }
            catch (IOException)
            {
                // Best effort: a file still held open must not fail the run.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }
}
