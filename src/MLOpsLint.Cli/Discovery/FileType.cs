using System.Runtime.InteropServices;

namespace MLOpsLint.Cli.Discovery;

/// <summary>
/// What a path is, asked without opening it (lstat semantics: a symlink is itself, not its target). Opening a FIFO
/// for reading blocks until a writer appears, and a device like <c>/dev/zero</c> never ends, so every file the tool
/// reads — discovered files, configuration, .editorconfig, baselines — is asked first and read only when it is a
/// regular file. .NET has no public API for the file type, so this asks the C library: <c>statx</c> on Linux (its
/// struct has one layout on every architecture), <c>lstat</c> on macOS; elsewhere (Windows) every file is regular.
/// </summary>
internal static class FileType
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int LStat(string path, byte[] buffer);

    private static bool statxMissing;

    /// <summary>Null for a regular file (or when the type cannot be learned); otherwise what it is, for a message:
    /// "a FIFO", "a socket", "a character device", "a block device", "a directory", "a symbolic link".</summary>
    public static string? NotRegular(string path)
    {
        int mode = Mode(path);
        return mode < 0 ? null : (mode & TypeMask) switch
        {
            0x8000 => null,
            0x1000 => "a FIFO (named pipe)",
            0xC000 => "a socket",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x4000 => "a directory",
            0xA000 => "a symbolic link",
            _ => "not a regular file",
        };
    }

    /// <summary>Like <see cref="NotRegular"/>, but following symlinks to what they point at (for configuration files
    /// a user names or keeps as a link).</summary>
    public static string? NotRegularTarget(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget != null ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
            if (info.LinkTarget != null && target == null) return "a symbolic link that leads nowhere";
            return NotRegular(target?.FullName ?? path);
        }
        catch (IOException)
        {
            return "a symbolic link loop";
        }
    }

    /// <summary>The most a configuration, .editorconfig or baseline file may hold: larger is not a hand-written file.</summary>
    public const long MaxSettingsFileSize = 16 * 1024 * 1024;

    /// <summary>Reads a settings file (configuration, .editorconfig, baseline) after checking what it is: a FIFO, a
    /// device, a socket or a file over <see cref="MaxSettingsFileSize"/> throws an IOException saying so, which callers
    /// already turn into a message naming the file.</summary>
    public static string ReadSettingsText(string path)
    {
        if (NotRegularTarget(path) is { } what) throw new IOException($"it is {what}, not a regular file");
        long size = new FileInfo(path).Length;
        if (size > MaxSettingsFileSize) throw new IOException($"it is {Core.Configuration.Sizes.Format(size)}, over the {Core.Configuration.Sizes.Format(MaxSettingsFileSize)} a settings file may be");
        return File.ReadAllText(path);
    }

    private static int Mode(string path)
    {
        try
        {
            if (OperatingSystem.IsLinux() && !statxMissing)
            {
                var buffer = new byte[256];
                if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return -1;
                return BitConverter.ToUInt16(buffer, 28); // stx_mode
            }
            if (OperatingSystem.IsMacOS())
            {
                var buffer = new byte[256];
                if (LStat(path, buffer) != 0) return -1;
                return BitConverter.ToUInt16(buffer, 4); // st_mode of the 64-bit-inode struct stat
            }
        }
        catch (EntryPointNotFoundException)
        {
            statxMissing = true; // glibc before 2.28 or musl without statx
        }
        catch (DllNotFoundException)
        {
            statxMissing = true;
        }
        return -1;
    }
}
