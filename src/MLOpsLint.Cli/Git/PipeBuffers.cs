using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// Larger pipe buffers for the streams git writes blob contents into. Linux pipes hold 64 KB by default, so reading a
/// history of 100 MB through one takes thousands of round trips between git and the reader, each a context switch
/// that a busy machine makes slow; with 1 MB, git runs ahead. Best effort: elsewhere, or when refused, nothing changes.
/// </summary>
internal static class PipeBuffers
{
    private const int SetPipeSize = 1031; // F_SETPIPE_SZ

    public static void Enlarge(Stream stream, int bytes = 1 << 20)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream pipe) return;
        try
        {
            _ = fcntl((int)pipe.SafePipeHandle.DangerousGetHandle(), SetPipeSize, bytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or ObjectDisposedException)
        {
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int cmd, int arg);
}
