namespace MLOpsLint.Core.Python;

/// <summary>
/// Values a module makes on demand, once per key, for checks that may ask on several threads (<see
/// cref="PythonModule.ArgumentsOf"/>, <see cref="PythonModule.LocationOf"/>): the map is made on first use, a value is made
/// outside the lock, and when two threads make the same one the first stored is the one everybody gets.
/// </summary>
internal static class MadeOnce
{
    public static TValue Get<TKey, TValue, TState>(ref Dictionary<TKey, TValue>? field, TKey key, TState state, Func<TState, TKey, TValue> make)
        where TKey : notnull
    {
        var map = field ?? Interlocked.CompareExchange(ref field, new Dictionary<TKey, TValue>(), null) ?? field!;
        lock (map)
        {
            if (map.TryGetValue(key, out var known)) return known;
        }
        var made = make(state, key);
        lock (map)
        {
            if (map.TryGetValue(key, out var other)) made = other; // another thread made it meanwhile
            else map[key] = made;
        }
        return made;
    }
}
