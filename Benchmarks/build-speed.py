#!/usr/bin/env python3
"""Build speed of Tebiki against Hugo on the same generated corpora, in the same run.

Usage: python3 Benchmarks/build-speed.py [--sizes 1000,10000,50000] [--runs 3] [--related]
                                          [--work /tmp/tebiki-bench]

For each size it generates a mixed Japanese/English corpus with ../shared/bench/gen-corpus.py,
builds it with the release `tebiki` and with Debian's `hugo` using ../shared/bench/hugo-site,
and prints the median wall time, peak memory (max RSS), pages per second and the ratio
Hugo/Tebiki. Hugo runs without its related-content lists unless --related is given, since
Tebiki 0.1 has none yet. Output folders are removed before every run, outside the timing.
"""
import argparse, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def run(command, env=None):
    """Runs a command; returns (wall seconds, peak RSS in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{stderr}")
    return wall, usage.ru_maxrss / 1024


def measure(name, command, output, runs, env=None):
    walls, peaks = [], []
    for _ in range(runs):
        shutil.rmtree(output, ignore_errors=True)
        wall, peak = run(command, env)
        walls.append(wall)
        peaks.append(peak)
    return {"name": name, "wall": statistics.median(walls), "peak": max(peaks), "walls": walls}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--related", action="store_true", help="let Hugo build its related-content lists too")
    parser.add_argument("--work", default="/tmp/tebiki-bench")
    args = parser.parse_args()

    if shutil.which("hugo") is None:
        sys.exit("hugo is missing: apt-get install hugo")
    subprocess.run(["swift", "build", "-c", "release", "--product", "tebiki"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    tebiki = os.path.join(ROOT, ".build", "release", "tebiki")
    hugo_env = dict(os.environ)
    if not args.related:
        hugo_env["HUGO_PARAMS_NORELATED"] = "true"

    print(f"{'articles':>8}  {'tool':<6} {'median s':>9} {'peak MB':>8} {'pages/s':>9}  runs")
    for size in [int(s) for s in args.sizes.split(",")]:
        site = os.path.join(args.work, f"corpus-{size}")
        articles = os.path.join(site, "Articles")
        if not os.path.isdir(articles):
            subprocess.run([sys.executable, os.path.join(SHARED, "gen-corpus.py"), "--articles", str(size),
                            "--lang", "mixed", "--out", articles], check=True, stdout=subprocess.DEVNULL)
        tebiki_out = os.path.join(args.work, f"tebiki-out-{size}")
        hugo_out = os.path.join(args.work, f"hugo-out-{size}")
        results = [
            measure("tebiki", [tebiki, "build", "--quiet", "--source", site, "--output", tebiki_out], tebiki_out, args.runs),
            measure("hugo", ["hugo", "--quiet", "--noBuildLock", "-s", os.path.join(SHARED, "hugo-site"),
                             "--contentDir", articles, "-d", hugo_out,
                             "--cacheDir", os.path.join(args.work, "hugo-cache")], hugo_out, args.runs, hugo_env),
        ]
        for result in results:
            runs = " ".join(f"{w:.2f}" for w in result["walls"])
            print(f"{size:>8}  {result['name']:<6} {result['wall']:>9.2f} {result['peak']:>8.0f} "
                  f"{size / result['wall']:>9.0f}  {runs}")
        ratio = results[1]["wall"] / results[0]["wall"]
        print(f"{size:>8}  Hugo/Tebiki = {ratio:.1f}x" + ("" if args.related else " (Hugo without related content)"))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
