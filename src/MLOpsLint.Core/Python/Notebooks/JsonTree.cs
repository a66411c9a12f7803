using System.Text;
using System.Text.Json;

namespace MLOpsLint.Core.Python.Notebooks;

/// <summary>
/// A small JSON tree read with <see cref="Utf8JsonReader"/> that remembers where each value is in the decoded
/// document text: the reader works on the UTF-8 bytes of <c>SourceDocument.Text</c> (so byte offsets and
/// text offsets correspond exactly, BOM and invalid bytes already dealt with), and a forward-only cursor turns
/// byte offsets into UTF-16 offsets.
/// </summary>
internal sealed class JsonTree
{
    public JsonValueKind Kind;
    /// <summary>For a string: UTF-16 offset in the text of the first character after the opening quote.</summary>
    public int TextStart;
    /// <summary>For a string: byte offset and length of the raw (still escaped) content.</summary>
    public int ByteStart;
    public int ByteLength;
    public List<KeyValuePair<string, JsonTree>>? Properties;
    public List<JsonTree>? Items;
    public bool Bool;

    public JsonTree? this[string key]
    {
        get
        {
            if (Properties == null) return null;
            foreach (var p in Properties)
            {
                if (p.Key == key) return p.Value;
            }
            return null;
        }
    }

    /// <summary>Parses; on malformed JSON returns null and a message naming the line.</summary>
    public static JsonTree? Parse(byte[] utf8, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = Text.Nesting.MaxDepth });
        var cursor = new Utf8Cursor(utf8);
        var stack = new Stack<JsonTree>();
        string? pendingKey = null;
        var pendingKeys = new Stack<string?>();
        JsonTree? root = null;
        try
        {
            while (reader.Read())
            {
                JsonTree node;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingKey = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        pendingKey = pendingKeys.Pop();
                        continue;
                    case JsonTokenType.StartObject:
                        node = new JsonTree { Kind = JsonValueKind.Object, Properties = new List<KeyValuePair<string, JsonTree>>() };
                        break;
                    case JsonTokenType.StartArray:
                        node = new JsonTree { Kind = JsonValueKind.Array, Items = new List<JsonTree>() };
                        break;
                    case JsonTokenType.String:
                        {
                            int start = (int)reader.TokenStartIndex + 1;
                            int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                            node = new JsonTree { Kind = JsonValueKind.String, ByteStart = start, ByteLength = length, TextStart = cursor.ToChar(start) };
                            break;
                        }
                    case JsonTokenType.Number:
                        node = new JsonTree { Kind = JsonValueKind.Number, TextStart = cursor.ToChar((int)reader.TokenStartIndex) };
                        break;
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                        node = new JsonTree { Kind = reader.TokenType == JsonTokenType.True ? JsonValueKind.True : JsonValueKind.False, Bool = reader.TokenType == JsonTokenType.True };
                        break;
                    case JsonTokenType.Null:
                        node = new JsonTree { Kind = JsonValueKind.Null };
                        break;
                    default:
                        continue;
                }
                if (node.Kind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    node.TextStart = cursor.ToChar((int)reader.TokenStartIndex);
                }
                if (stack.Count == 0)
                {
                    root = node;
                }
                else
                {
                    var parent = stack.Peek();
                    if (parent.Kind == JsonValueKind.Object) parent.Properties!.Add(new KeyValuePair<string, JsonTree>(pendingKey ?? "", node));
                    else parent.Items!.Add(node);
                }
                if (node.Kind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    pendingKeys.Push(pendingKey);
                    stack.Push(node);
                }
            }
            if (root == null)
            {
                error = "empty file: no JSON value";
            }
            return root;
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message.Substring(0, cut).TrimEnd();
            error = reader.CurrentDepth >= Text.Nesting.MaxDepth - 1
                ? $"{Text.Nesting.Message()} (line {line})"
                : $"not valid JSON at line {line}: {message}";
            return null;
        }
    }

    /// <summary>Decodes a JSON string value, appending it to <paramref name="sb"/> and the text offset of each decoded
    /// character (the start of its escape, if escaped) to <paramref name="offsets"/>. <paramref name="text"/>, when given,
    /// is the document text the bytes were encoded from: a run of ASCII characters without escapes is copied from it in one
    /// piece (the same characters, at the same offsets).</summary>
    public void Decode(byte[] utf8, StringBuilder sb, OffsetRuns? offsets, string? text = null)
    {
        int b = ByteStart, end = ByteStart + ByteLength;
        int c = TextStart;
        while (b < end)
        {
            byte x = utf8[b];
            if (x < 0x80 && x != (byte)'\\')
            {
                int run = b + 1;
                while (run < end && utf8[run] < 0x80 && utf8[run] != (byte)'\\') run++;
                int n = run - b;
                if (text != null && c + n <= text.Length)
                {
                    sb.Append(text, c, n);
                }
                else
                {
                    for (int k = b; k < run; k++) sb.Append((char)utf8[k]);
                }
                offsets?.AddRun(c, n);
                b = run;
                c += n;
                continue;
            }
            if (x == (byte)'\\' && b + 1 < end)
            {
                byte n = utf8[b + 1];
                if (n == (byte)'u' && b + 5 < end)
                {
                    sb.Append((char)Hex4(utf8, b + 2));
                    offsets?.Add(c);
                    b += 6;
                    c += 6;
                    continue;
                }
                sb.Append(n switch
                {
                    (byte)'n' => '\n',
                    (byte)'t' => '\t',
                    (byte)'r' => '\r',
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    _ => (char)n,
                });
                offsets?.Add(c);
                b += 2;
                c += 2;
                continue;
            }
            if (x < 0x80)
            {
                // a backslash that ends the string (the reader does not let one through; kept as the character)
                sb.Append((char)x);
                offsets?.Add(c);
                b++;
                c++;
                continue;
            }
            int len = (x & 0xE0) == 0xC0 ? 2 : (x & 0xF0) == 0xE0 ? 3 : 4;
            len = Math.Min(len, end - b);
            string s = Encoding.UTF8.GetString(utf8, b, len);
            foreach (char ch in s)
            {
                sb.Append(ch);
                offsets?.Add(c);
                c++;
            }
            b += len;
        }
    }

    /// <summary>The value of the four hex digits of a <c>\uXXXX</c> escape at <paramref name="at"/> (the reader checked them;
    /// anything else reads as <see cref="Convert.ToInt32(string, int)"/> would fail on, so it is left to that).</summary>
    private static int Hex4(byte[] utf8, int at)
    {
        int v = 0;
        for (int i = at; i < at + 4; i++)
        {
            byte h = utf8[i];
            int d = h >= (byte)'0' && h <= (byte)'9' ? h - '0' : h >= (byte)'a' && h <= (byte)'f' ? h - 'a' + 10 : h >= (byte)'A' && h <= (byte)'F' ? h - 'A' + 10 : -1;
            if (d < 0) return Convert.ToInt32(Encoding.ASCII.GetString(utf8, at, 4), 16);
            v = v * 16 + d;
        }
        return v;
    }

    /// <summary>The text offset just after the decoded content (the closing quote).</summary>
    public int TextEnd(byte[] utf8)
    {
        int c = TextStart;
        for (int b = ByteStart; b < ByteStart + ByteLength;)
        {
            byte x = utf8[b];
            int len = x < 0x80 ? 1 : (x & 0xE0) == 0xC0 ? 2 : (x & 0xF0) == 0xE0 ? 3 : 4;
            c += len == 4 ? 2 : 1;
            b += len;
        }
        return c;
    }

    public string GetString(byte[] utf8)
    {
        var sb = new StringBuilder(ByteLength);
        Decode(utf8, sb, null);
        return sb.ToString();
    }

    /// <summary>Byte offset → UTF-16 offset, for offsets that only move forward.</summary>
    private sealed class Utf8Cursor
    {
        private readonly byte[] bytes;
        private int b;
        private int c;

        public Utf8Cursor(byte[] bytes) => this.bytes = bytes;

        public int ToChar(int byteOffset)
        {
            if (byteOffset < b)
            {
                b = 0;
                c = 0;
            }
            int limit = Math.Min(byteOffset, bytes.Length);
            while (b < limit)
            {
                byte x = bytes[b];
                if (x < 0x80)
                {
                    // ASCII bytes are one character each: step over the run in one go
#if NET8_0_OR_GREATER
                    int ascii = bytes.AsSpan(b, limit - b).IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                    int skip = ascii < 0 ? limit - b : ascii;
#else
                    int skip = 1;
#endif
                    b += skip;
                    c += skip;
                    continue;
                }
                int len = (x & 0xE0) == 0xC0 ? 2 : (x & 0xF0) == 0xE0 ? 3 : 4;
                c += len == 4 ? 2 : 1;
                b += len;
            }
            return c;
        }
    }
}
