using System.Xml;
using System.Xml.Linq;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Parsing.MSBuild;

/// <summary>A <c>PackageReference</c>, <c>PackageVersion</c>, <c>GlobalPackageReference</c> or <c>PackageDownload</c> item.</summary>
public sealed class PackageItem
{
    public PackageItem(string itemType, string id, bool isUpdate, int line, int column)
    {
        ItemType = itemType;
        Id = id;
        IsUpdate = isUpdate;
        Line = line;
        Column = column;
    }

    public string ItemType { get; }

    /// <summary>The package id (<c>Include</c> or <c>Update</c>).</summary>
    public string Id { get; }

    public bool IsUpdate { get; }

    /// <summary>1-based position of the element's <c>&lt;</c>.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>The <c>Version</c> attribute or child element as written, or null.</summary>
    public string? Version { get; internal set; }

    /// <summary>The version after <c>$(Property)</c> substitution from the same file; null when a property is unknown.</summary>
    public string? ResolvedVersion { get; internal set; }

    public string? VersionOverride { get; internal set; }

    public string? ResolvedVersionOverride { get; internal set; }

    /// <summary>1-based line and column of the version value (attribute value or element text), else of the element.</summary>
    public int VersionLine { get; internal set; }

    public int VersionColumn { get; internal set; }

    public int VersionLength { get; internal set; }
}

/// <summary>An MSBuild project or props file read with System.Xml.Linq (line info kept): package items and properties.</summary>
public sealed class MSBuildProject
{
    public List<PackageItem> Items { get; } = new();

    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>ManagePackageVersionsCentrally</c> as set in this file, or null.</summary>
    public bool? ManagePackageVersionsCentrally { get; private set; }

    public (int Line, string Message)? Error { get; private set; }

    public static MSBuildProject Of(SourceDocument document) => document.GetOrAdd(d => Parse(d.Text));

    public static MSBuildProject Parse(string text)
    {
        var project = new MSBuildProject();
        XDocument doc;
        int deep = Text.Nesting.LineTooDeepXml(text);
        if (deep > 0)
        {
            // walking 100,000 nested elements was quadratic (minutes): refused before it is built
            project.Error = (deep, "XML " + Text.Nesting.Message());
            return project;
        }
        try
        {
            doc = XDocument.Parse(text, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            project.Error = (Math.Max(1, e.LineNumber), "malformed XML: " + e.Message.Split('\n')[0]);
            return project;
        }
        if (doc.Root == null) return project;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        foreach (var group in doc.Root.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
        {
            foreach (var p in group.Elements())
            {
                project.Properties[p.Name.LocalName] = p.Value.Trim();
            }
        }
        if (project.Properties.TryGetValue("ManagePackageVersionsCentrally", out var cpm))
        {
            project.ManagePackageVersionsCentrally = cpm.Equals("true", StringComparison.OrdinalIgnoreCase);
        }
        foreach (var e in doc.Root.Descendants())
        {
            string type = e.Name.LocalName;
            if (type is not ("PackageReference" or "PackageVersion" or "GlobalPackageReference" or "PackageDownload")) continue;
            if (e.Parent?.Name.LocalName != "ItemGroup") continue;
            var include = e.Attribute("Include");
            var update = e.Attribute("Update");
            string? id = include?.Value ?? update?.Value;
            if (id == null) continue;
            var info = (IXmlLineInfo)e;
            var item = new PackageItem(type, id, include == null, info.LineNumber, Math.Max(1, info.LinePosition - 1));
            (item.Version, item.VersionLine, item.VersionColumn, item.VersionLength) = ReadValue(e, "Version", lines, info);
            (item.VersionOverride, var ol, var oc, var olen) = ReadValue(e, "VersionOverride", lines, info);
            if (item.VersionOverride != null)
            {
                (item.VersionLine, item.VersionColumn, item.VersionLength) = (ol, oc, olen);
            }
            item.ResolvedVersion = project.Substitute(item.Version);
            item.ResolvedVersionOverride = project.Substitute(item.VersionOverride);
            project.Items.Add(item);
        }
        return project;
    }

    private string? Substitute(string? value)
    {
        if (value == null || value.IndexOf("$(", StringComparison.Ordinal) < 0) return value;
        var sb = new System.Text.StringBuilder();
        int i = 0;
        while (i < value.Length)
        {
            int open = value.IndexOf("$(", i, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(value, i, value.Length - i);
                break;
            }
            int close = value.IndexOf(')', open);
            if (close < 0) return null;
            sb.Append(value, i, open - i);
            string name = value.Substring(open + 2, close - open - 2);
            if (!Properties.TryGetValue(name, out var v) || v.Contains("$(")) return null;
            sb.Append(v);
            i = close + 1;
        }
        return sb.ToString();
    }

    private static (string? Value, int Line, int Column, int Length) ReadValue(XElement e, string name, string[] lines, IXmlLineInfo elementInfo)
    {
        var attr = e.Attribute(name);
        if (attr != null)
        {
            var ai = (IXmlLineInfo)attr;
            int line = ai.LineNumber, col = ai.LinePosition;
            if (line >= 1 && line <= lines.Length)
            {
                string l = lines[line - 1];
                int q = l.IndexOfAny(new[] { '"', '\'' }, Math.Min(l.Length, Math.Max(0, col - 1)));
                if (q >= 0) return (attr.Value, line, q + 2, attr.Value.Length);
            }
            return (attr.Value, line, col, name.Length);
        }
        var child = e.Elements().FirstOrDefault(c => c.Name.LocalName == name);
        if (child != null)
        {
            var ci = (IXmlLineInfo)child;
            int line = ci.LineNumber;
            int col = ci.LinePosition + name.Length + 1;
            return (child.Value.Trim(), line, col, Math.Max(1, child.Value.Trim().Length));
        }
        return (null, elementInfo.LineNumber, Math.Max(1, elementInfo.LinePosition - 1), e.Name.LocalName.Length + 1);
    }
}
