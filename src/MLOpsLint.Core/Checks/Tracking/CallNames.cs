using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// The last name of each of a module's calls (<see cref="PyCall.Name"/>: "fit" of <c>model.fit(X, y)</c>), made once per
/// module and shared by the MLO7xx readers: <see cref="PyCall.Name"/> makes a new string each time it is read, and every
/// call of every module is read by several of them.
/// </summary>
internal static class CallNames
{
    public static string[] Of(PythonModule module)
    {
        var calls = module.Calls;
        var names = new string[calls.Count];
        for (int i = 0; i < names.Length; i++)
        {
            string callee = calls[i].Callee;
            int dot = callee.LastIndexOf('.');
            names[i] = dot < 0 ? callee : NameTable.Get(callee.AsSpan(dot + 1));
        }
        return names;
    }
}
