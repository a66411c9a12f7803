#!/usr/bin/env python3
"""Regenerates src/MLOpsLint.Core/Checks/Seeds/Data/sklearn_random_state.json for MLO301.

Lists every public scikit-learn class and function whose signature has a ``random_state`` parameter,
from the installed scikit-learn's real signatures (``inspect.signature``), with:

  name, qualname (where it is defined, e.g. sklearn.ensemble._forest.RandomForestClassifier),
  kind (class/function), default (repr), has_default, param_kind (KEYWORD_ONLY / POSITIONAL_OR_KEYWORD),
  position (0-based index of random_state among the parameters that can be passed positionally,
  ``self`` excluded; null when it is keyword-only), deprecated, public_paths (every public module that
  exposes it), import_path (the shortest of them).

Usage (Debian: ``apt-get install -y python3-sklearn``; use the interpreter that has scikit-learn):

    /usr/bin/python3 scripts/gen_sklearn_random_state.py > src/MLOpsLint.Core/Checks/Seeds/Data/sklearn_random_state.json

The output is deterministic for a given scikit-learn version (sorted, no timestamps).
"""
import importlib
import inspect
import json
import pkgutil
import platform
import sys
import warnings


def public_modules(sklearn):
    yield "sklearn"
    for info in pkgutil.walk_packages(sklearn.__path__, "sklearn."):
        parts = info.name.split(".")
        if any(p.startswith("_") for p in parts) or "tests" in parts or "externals" in parts or "conftest" in parts:
            continue
        yield info.name


def signature_of(obj):
    target = obj.__init__ if inspect.isclass(obj) else obj
    try:
        return inspect.signature(target)
    except (TypeError, ValueError):
        return None


def is_deprecated(obj):
    doc = (obj.__doc__ or "").lstrip()
    if doc.startswith("DEPRECATED"):
        return True
    init = getattr(obj, "__init__", None) if inspect.isclass(obj) else None
    return bool(init is not None and (getattr(init, "__doc__", "") or "").lstrip().startswith("DEPRECATED"))


def main():
    warnings.simplefilter("ignore")
    import sklearn

    found = {}
    import_errors = []
    for modname in sorted(set(public_modules(sklearn))):
        try:
            module = importlib.import_module(modname)
        except Exception as e:  # optional dependencies (matplotlib, pandas…) may be missing
            import_errors.append({"module": modname, "error": f"{type(e).__name__}: {e}"})
            continue
        names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
        for name in names:
            if name.startswith("_"):
                continue
            obj = getattr(module, name, None)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            if not getattr(obj, "__module__", "").startswith("sklearn"):
                continue
            sig = signature_of(obj)
            if sig is None or "random_state" not in sig.parameters:
                continue
            qualname = obj.__module__ + "." + obj.__qualname__
            entry = found.get(qualname)
            if entry is None:
                params = [p for p in sig.parameters.values() if p.name != "self"]
                rs = sig.parameters["random_state"]
                positional = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
                entry = {
                    "name": obj.__name__,
                    "qualname": qualname,
                    "kind": "class" if inspect.isclass(obj) else "function",
                    "default": None if rs.default is rs.empty else repr(rs.default),
                    "has_default": rs.default is not rs.empty,
                    "param_kind": rs.kind.name,
                    "position": positional.index("random_state") if "random_state" in positional else None,
                    "deprecated": is_deprecated(obj),
                    "public_paths": [],
                }
                found[qualname] = entry
            path = modname + "." + name
            if path not in entry["public_paths"]:
                entry["public_paths"].append(path)

    items = []
    for qualname in sorted(found, key=lambda q: (found[q]["name"], q)):
        e = found[qualname]
        # the module it is defined under first (sklearn.svm for sklearn.svm._classes), then the shortest
        e["public_paths"].sort(key=lambda p: (not qualname.startswith(p.rsplit(".", 1)[0] + "."), p.count("."), "estimator_checks" in p, p))
        e["import_path"] = e["public_paths"][0]
        items.append(e)

    by_kind, by_default = {}, {}
    for e in items:
        by_kind[e["kind"]] = by_kind.get(e["kind"], 0) + 1
        by_default[str(e["default"]) if e["has_default"] else "null"] = by_default.get(str(e["default"]) if e["has_default"] else "null", 0) + 1
    out = {
        "sklearn_version": sklearn.__version__,
        "python": platform.python_version(),
        "source": "scripts/gen_sklearn_random_state.py over the installed scikit-learn (inspect.signature of every public class and function)",
        "count": len(items),
        "count_by_kind": by_kind,
        "count_by_default": by_default,
        "import_errors": import_errors,
        "items": items,
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
