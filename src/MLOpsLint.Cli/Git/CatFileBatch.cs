using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// One <c>git cat-file --batch --buffer</c> process: object ids go in on one thread (<see cref="Request"/>, buffered),
/// contents come out in the same order on another (<see cref="Read"/>), so the reads overlap the walk that finds the
/// ids. Both sides buffer (git flushes when its buffer is full, not after every object): far fewer system calls.
/// </summary>
internal sealed class CatFileBatch : IDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly Stream output;
    private readonly byte[] line = new byte[128];
    private readonly byte[] skip = new byte[1 << 16];
    private bool ended;

    public CatFileBatch(string gitDir)
    {
        process = GitCli.Start(new[] { "--git-dir", gitDir, "cat-file", "--batch", "--buffer" }, redirectInput: true);
        input = new BufferedStream(process.StandardInput.BaseStream, 1 << 14);
        PipeBuffers.Enlarge(process.StandardOutput.BaseStream);
        output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        _ = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Asks for an object; it is sent when the buffer fills or at <see cref="EndRequests"/>.</summary>
    public void Request(string sha)
    {
        Span<byte> bytes = stackalloc byte[sha.Length + 1];
        for (int i = 0; i < sha.Length; i++) bytes[i] = (byte)sha[i];
        bytes[sha.Length] = (byte)'\n';
        input.Write(bytes);
    }

    /// <summary>Sends what is buffered without ending the requests.</summary>
    public void Flush() => input.Flush();

    /// <summary>No more requests: git answers the rest and exits.</summary>
    public void EndRequests()
    {
        if (ended) return;
        ended = true;
        try
        {
            input.Flush();
            input.Dispose();
        }
        catch (IOException)
        {
            // git went away; the reader reports it
        }
    }

    /// <summary>The next answer: the blob's size and its content (all of it up to <paramref name="maxBytes"/>, else its
    /// first <paramref name="headBytes"/>), or null when the object is missing or not a blob (a broken repository).</summary>
    public BlobContent? Read(long maxBytes, int headBytes)
    {
        string header = ReadLine() ?? throw new IOException("git cat-file ended early" + ExitNote());
        // "<sha> <type> <size>" or "<sha> missing"
        int s1 = header.IndexOf(' ');
        int s2 = s1 < 0 ? -1 : header.IndexOf(' ', s1 + 1);
        if (s2 < 0)
        {
            if (header.EndsWith(" missing", StringComparison.Ordinal)) return null;
            throw new IOException("unexpected git cat-file output: " + header);
        }
        long size = long.Parse(header.AsSpan(s2 + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        bool isBlob = header.AsSpan(s1 + 1, s2 - s1 - 1).SequenceEqual("blob");
        bool complete = size <= maxBytes;
        int keep = isBlob ? (int)Math.Min(size, complete ? size : headBytes) : 0;
        var content = new byte[keep];
        output.ReadExactly(content, 0, keep);
        Skip(size - keep + 1); // the rest, and the newline after the content
        return isBlob ? new BlobContent(size, content, complete) : null;
    }

    private string? ReadLine()
    {
        int n = 0;
        while (true)
        {
            int b = output.ReadByte();
            if (b < 0) return n == 0 ? null : Encoding.ASCII.GetString(line, 0, n);
            if (b == '\n') return Encoding.ASCII.GetString(line, 0, n);
            if (n == line.Length) throw new IOException("unexpected git cat-file output (a header line of over 128 bytes)");
            line[n++] = (byte)b;
        }
    }

    private void Skip(long count)
    {
        while (count > 0)
        {
            int n = output.Read(skip, 0, (int)Math.Min(skip.Length, count));
            if (n == 0) throw new IOException("git cat-file ended early" + ExitNote());
            count -= n;
        }
    }

    private string ExitNote() => process.HasExited ? $" (exit code {process.ExitCode})" : "";

    /// <summary>Stops git, with answers still unread (the scan is ending early), after waiting <paramref name="graceMs"/>
    /// for it to exit by itself.</summary>
    public void Abort(int graceMs = 0)
    {
        try
        {
            if (!process.WaitForExit(graceMs)) process.Kill();
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        EndRequests();
        Abort(graceMs: 2000); // git answers what is left and exits; one that has not after two seconds is stopped
        process.Dispose();
    }
}
