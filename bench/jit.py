"""Reads the events bench/jit printed into a directory and summarises C2's work. See bench/jit."""
import collections
import re
import sys


def events(path, name):
    return open(path, encoding="utf-8").read().split(name + " {")[1:]


def field(event, key):
    m = re.search(r"^\s*" + key + r" = (.*)$", event, re.M)
    return m.group(1).strip() if m else None


def millis(text):
    value, unit = text.split()
    return float(value) * {"s": 1000, "ms": 1, "us": 0.001, "ns": 0.000001}[unit]


def kilobytes(text):
    value, unit = text.split()
    return float(value) * {"bytes": 1 / 1024, "kB": 1, "MB": 1024}[unit]


def main(directory, top):
    c2 = {}  # compileId -> (method, ms, kB, osr)
    for e in events(directory + "/compilations.txt", "jdk.Compilation"):
        if field(e, "compileLevel") == "4" and field(e, "codeSize"):
            c2[int(field(e, "compileId"))] = (field(e, "method"), millis(field(e, "duration")),
                                             kilobytes(field(e, "codeSize")), field(e, "isOsr") == "true")
    total = sum(c[1] for c in c2.values())
    ours = sum(c[1] for c in c2.values() if c[0].startswith("subsidy."))
    print("C2: %d compilations, %.0f ms, %.0f ms of them of subsidy's methods" % (len(c2), total, ours))
    print("\nLargest:")
    for method, ms, kb, osr in sorted(c2.values(), key=lambda c: -c[1])[:top]:
        print("  %7.1f ms %6.1f kB %s%s" % (ms, kb, method[:100], " (OSR)" if osr else ""))

    by_method = collections.defaultdict(list)
    for method, ms, kb, osr in c2.values():
        by_method[method].append((ms, kb, osr))
    again = {m: v for m, v in by_method.items() if len(v) > 1 and m.startswith("subsidy.")}
    print("\nCompiled more than once (OSR compilations, or again after a deoptimisation):")
    for m, v in sorted(again.items(), key=lambda kv: -sum(x[0] for x in kv[1])):
        print("  %7.1f ms %s: %s" % (sum(x[0] for x in v), m[:90],
                                     ", ".join("%.0f ms%s" % (x[0], " OSR" if x[2] else "") for x in v)))
    reasons = collections.Counter()
    for e in events(directory + "/deoptimizations.txt", "jdk.Deoptimization"):
        method = field(e, "method") or ""
        if field(e, "compiler") == '"c2"' and method.startswith("subsidy."):
            reasons[(field(e, "reason"), method.split("(")[0], field(e, "lineNumber"))] += 1
    for (reason, method, line), n in reasons.most_common(top):
        print("  deoptimised %d× %s at %s line %s" % (n, reason, method, line))

    # Our methods C2 compiled on their own and also inlined into a larger compilation of another.
    own = collections.defaultdict(list)
    for method, ms, kb, osr in c2.values():
        own[method.split("(")[0]].append((ms, kb))
    inside = collections.defaultdict(set)
    for e in events(directory + "/inlining.txt", "jdk.CompilerInlining"):
        if field(e, "succeeded") != "true":
            continue
        cid = int(field(e, "compileId"))
        if cid not in c2:
            continue
        callee = re.search(r'type = "(.*?)"\s*name = "(.*?)"', e, re.S)
        name = callee.group(1).replace("/", ".") + "." + callee.group(2)
        caller = c2[cid]
        if not name.startswith("subsidy.") or name not in own or caller[0].split("(")[0] == name:
            continue
        ms, kb = max(own[name])
        if kb >= 4 and caller[2] > kb:  # big enough to matter, and it fits in the caller's code
            inside[name].add("%s (%.0f ms)" % (caller[0].split("(")[0].rsplit(".", 1)[-1], caller[1]))
    print("\nCompiled on their own and again inside a caller (matched by class and method name, so an"
          "\noverload or a bridge method of the same name can show here too; check by hand):")
    for name, callers in sorted(inside.items(), key=lambda kv: -max(own[kv[0]])[0]):
        ms, kb = max(own[name])
        print("  %7.1f ms %6.1f kB %s, inside %s" % (ms, kb, name, ", ".join(sorted(callers))))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15)
