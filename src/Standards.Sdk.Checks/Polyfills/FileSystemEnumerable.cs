#nullable enable
#pragma warning disable IDE0161 // Several namespaces: each type lives where .NET (and the compiler) looks for it.
// Hand-written: Polyfill 11.4.5 has EnumerationOptions but no FileSystemEnumerable, FileSystemEntry or walk.
// The part of .NET's System.IO.Enumeration API (FileSystemEnumerable, FileSystemEntry, EnumerationOptions) that RepositorySnapshotLoader uses (a filtered recursive walk
// with include and recurse predicates), for the netstandard2.0 build, on top of DirectoryInfo. The same rules
// as .NET: an entry whose attributes intersect AttributesToSkip is neither returned nor entered; a
// subdirectory that cannot be opened is skipped when IgnoreInaccessible is set, and one deleted during the
// walk is skipped always; a link to a directory counts as a directory (its attributes say ReparsePoint).
// ReturnSpecialDirectories (. and ..) is not supported and throws rather than differ.

namespace System.IO.Enumeration
{
    /// <summary>
    /// Only so that <c>using System.IO.Enumeration;</c> compiles in this build: the walk's types are in
    /// namespace Standards.Sdk, where our code finds them first (see DateOnly for why not System.*).
    /// </summary>
    internal static class NetStandardPolyfillNamespace;
}

namespace Standards.Sdk
{
    using System.Collections;

    /// <summary>Options of a <see cref="FileSystemEnumerable{TResult}"/> walk (.NET defaults).</summary>
    internal sealed class EnumerationOptions
    {
        public bool RecurseSubdirectories { get; set; }

        public bool IgnoreInaccessible { get; set; } = true;

        public FileAttributes AttributesToSkip { get; set; } = FileAttributes.Hidden | FileAttributes.System;

        public bool ReturnSpecialDirectories { get; set; }
    }

    /// <summary>One file or directory met by the walk.</summary>
    internal readonly ref struct FileSystemEntry
    {
        private readonly FileSystemInfo info;

        internal FileSystemEntry(FileSystemInfo info, string directory, string rootDirectory)
        {
            this.info = info;
            Directory = directory.AsSpan();
            RootDirectory = rootDirectory.AsSpan();
        }

        public ReadOnlySpan<char> Directory { get; }

        public ReadOnlySpan<char> RootDirectory { get; }

        public ReadOnlySpan<char> FileName => info.Name.AsSpan();

        public FileAttributes Attributes => info.Attributes;

        public bool IsDirectory => info is DirectoryInfo;

        public bool IsHidden => (info.Attributes & FileAttributes.Hidden) != 0;

        public string ToFullPath() => info.FullName;

        public FileSystemInfo ToFileSystemInfo() => info;
    }

    /// <summary>A lazy, filtered walk of a directory tree.</summary>
    internal sealed class FileSystemEnumerable<TResult> : IEnumerable<TResult>
    {
        private readonly string directory;
        private readonly FindTransform transform;
        private readonly EnumerationOptions options;

        public FileSystemEnumerable(string directory, FindTransform transform, EnumerationOptions? options = null)
        {
            this.directory = directory ?? throw new ArgumentNullException(nameof(directory));
            this.transform = transform ?? throw new ArgumentNullException(nameof(transform));
            this.options = options ?? new EnumerationOptions();
            if (this.options.ReturnSpecialDirectories)
            {
                throw new NotSupportedException("The netstandard2.0 FileSystemEnumerable does not return '.' and '..'.");
            }
        }

        public delegate bool FindPredicate(ref FileSystemEntry entry);

        public delegate TResult FindTransform(ref FileSystemEntry entry);

        public FindPredicate? ShouldIncludePredicate { get; set; }

        public FindPredicate? ShouldRecursePredicate { get; set; }

        public IEnumerator<TResult> GetEnumerator()
        {
            var root = Path.GetFullPath(directory);
            var pending = new Queue<string>();
            pending.Enqueue(root);
            while (pending.Count > 0)
            {
                var current = pending.Dequeue();
                var results = new List<TResult>();
                if (Visit(root, current, current == root, results, pending))
                {
                    foreach (var result in results)
                    {
                        yield return result;
                    }
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Applies the predicates to one directory's entries; false when it could not be read (and that is ignored).</summary>
        private bool Visit(string root, string current, bool isRoot, List<TResult> results, Queue<string> pending)
        {
            FileSystemInfo[] infos;
            try
            {
                infos = new DirectoryInfo(current).GetFileSystemInfos();
            }
            catch (Exception ex) when (!isRoot && (ex is DirectoryNotFoundException || (options.IgnoreInaccessible && ex is UnauthorizedAccessException or System.Security.SecurityException or IOException)))
            {
                return false;
            }

            foreach (var info in infos)
            {
                var entry = new FileSystemEntry(info, current, root);
                if ((entry.Attributes & options.AttributesToSkip) != 0)
                {
                    continue;
                }

                if (ShouldIncludePredicate?.Invoke(ref entry) ?? true)
                {
                    results.Add(transform(ref entry));
                }

                if (entry.IsDirectory && options.RecurseSubdirectories && (ShouldRecursePredicate?.Invoke(ref entry) ?? true))
                {
                    pending.Enqueue(info.FullName);
                }
            }

            return true;
        }
    }
}
