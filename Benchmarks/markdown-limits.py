#!/usr/bin/env python3
"""Build times of one article at the limits of each Markdown construct, at growing sizes, to
show that each grows linearly: a table with N rows, a table with N columns, containers nested N
deep, N tab panels, N includes of one snippet, N strikethroughs and autolinks on one line.

Usage: python3 Benchmarks/markdown-limits.py [--sizes 1000,2000,4000,8000] [--binary .build/release/tebiki]

For each construct it prints the wall time of `tebiki build` per size and the ratio of each time
to the one before it; a linear construct gives ratios near the size ratio (2 when sizes double),
a quadratic one near its square (4). Nesting N deep takes fences of N+3 colons, so that input
itself grows as N squared: compare its times with its sizes in KB. The article is the whole site, so the fixed cost of a build
(about 20 ms) is subtracted, measured on an empty article.
"""
import argparse, os, shutil, statistics, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CONSTRUCTS = {
    "table rows": lambda n: "| a | b |\n| --- | --- |\n" + "".join(f"| r{i} | [x](#top) |\n" for i in range(n)),
    "table columns": lambda n: "|" + " c |" * n + "\n|" + " - |" * n + "\n|" + " v |" * n + "\n",
    "nested containers": lambda n: "".join(":" * (3 + n - i) + " tip\n" for i in range(n)) + "deep\n"
                                   + "".join(":" * (4 + i) + "\n" for i in range(n)),
    "tab panels": lambda n: "::: tabs\n" + "".join(f"== tab {i}\ntext {i}\n" for i in range(n)) + ":::\n",
    "includes": lambda n: "".join("<!--@include: ../_snippets/s.md-->\n\n" for _ in range(min(n, 1000))),
    "strikethrough and autolinks": lambda n: " ".join(f"~~s{i}~~ https://e{i}.example" for i in range(n)) + "\n",
}


def site(folder, body):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "Articles", "a"))
    os.makedirs(os.path.join(folder, "Articles", "_snippets"))
    with open(os.path.join(folder, "Articles", "_snippets", "s.md"), "w") as f:
        f.write("::: note\nsnippet\n:::\n")
    with open(os.path.join(folder, "Articles", "a", "page.md"), "w") as f:
        f.write("---\ntitle: Limits\ndescription: d\n---\n\n## Top\n\n" + body)


def timed(binary, folder, runs=3):
    times = []
    for _ in range(runs):
        out = os.path.join(folder, "_site")
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        result = subprocess.run([binary, "build", "--quiet", "--source", folder], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"build failed:\n{result.stderr}")
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "tebiki"))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = tempfile.mkdtemp(prefix="tebiki-limits-")
    site(work, "")
    base = timed(args.binary, work)
    print(f"fixed cost of a build: {base * 1000:.0f} ms")
    for name, make in CONSTRUCTS.items():
        line, previous = [], None
        for n in sizes:
            body = make(n)
            site(work, body)
            t = max(timed(args.binary, work) - base, 0.0005)
            line.append(f"{n}: {t * 1000:.0f} ms/{len(body.encode()) // 1024} KB" + (f" (x{t / previous:.1f})" if previous else ""))
            previous = t
        print(f"{name:28} " + ", ".join(line))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
