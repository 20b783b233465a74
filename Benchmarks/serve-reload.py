#!/usr/bin/env python3
"""How long `tebiki serve` takes from saving an article to telling open pages to reload,
on a generated corpus, with `hugo server` on the same corpus in the same run.

Usage: python3 Benchmarks/serve-reload.py [--articles 10000] [--edits 10] [--work /tmp/tebiki-serve-bench]
                                          [--no-hugo]

The corpus (../shared/bench/gen-corpus.py, mixed Japanese and English) is copied to a work
folder and one article after another is edited (a sentence added to its body). For Tebiki the
time runs from the write to the `reload` server-sent event, and to the `settled` event (related
lists and search index redone in the background). For Hugo it runs from the write to the
"Total in … ms" line `hugo server` prints after its rebuild (its live reload follows that line).
Medians over the edits are printed, with Hugo/Tebiki.
"""
import argparse, http.client, os, queue, shutil, statistics, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def corpus(work, size):
    site = os.path.join(work, f"site-{size}")
    articles = os.path.join(site, "Articles")
    if not os.path.isdir(articles):
        subprocess.run([sys.executable, os.path.join(SHARED, "gen-corpus.py"), "--articles", str(size),
                        "--lang", "mixed", "--out", articles], check=True, stdout=subprocess.DEVNULL)
    return site


def edit_targets(articles, count):
    """One article from each of the first categories, then the next ones, so edits spread out."""
    categories = sorted(d for d in os.listdir(articles) if os.path.isdir(os.path.join(articles, d)) and d != "images")
    files = []
    for round_number in range(count):
        folder = os.path.join(articles, categories[round_number % len(categories)])
        names = sorted(n for n in os.listdir(folder) if n.endswith(".md"))
        files.append(os.path.join(folder, names[round_number // len(categories) + 3]))
    return files


def append(path, number):
    with open(path, "a", encoding="utf-8") as file:
        file.write(f"\nベンチマークの編集 {number}: edited sentence number {number}.\n")


def lines_of(stream, sink):
    for raw in iter(stream.readline, b""):
        sink.put((time.perf_counter(), raw.decode(errors="replace").rstrip("\n")))
    sink.put((time.perf_counter(), None))  # the stream ended: the server is gone


def wait_for(sink, predicate, timeout):
    deadline = time.perf_counter() + timeout
    while True:
        moment, line = sink.get(timeout=max(0.01, deadline - time.perf_counter()))
        if line is None:
            raise RuntimeError("the server stopped")
        if predicate(line):
            return moment, line


def tebiki(site, edits, timeout):
    subprocess.run([os.path.join(ROOT, "Scripts", "build-release")], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "tebiki")
    server = subprocess.Popen([binary, "serve", "--source", site, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    output = queue.Queue()
    threading.Thread(target=lines_of, args=(server.stdout, output), daemon=True).start()
    try:
        _, line = wait_for(output, lambda l: l.startswith("Serving at "), 600)
        address = line.split()[2].split("//")[1].strip("/")
        host, port = address.split(":")
        connection = http.client.HTTPConnection(host, int(port))
        connection.request("GET", "/__tebiki/events")
        response = connection.getresponse()
        events = queue.Queue()
        threading.Thread(target=lines_of, args=(response.fp, events), daemon=True).start()
        wait_for(events, lambda l: l.startswith(": tebiki"), 10)
        reloads, settles = [], []
        for number, path in enumerate(edits):
            time.sleep(1.5)  # lets the previous edit settle
            start = time.perf_counter()
            append(path, number)
            reloaded, _ = wait_for(events, lambda l: l == "event: reload", timeout)
            settled, _ = wait_for(events, lambda l: l == "event: settled", timeout)
            reloads.append(reloaded - start)
            settles.append(settled - start)
        return reloads, settles
    finally:
        server.terminate()
        server.wait()


def hugo(site, edits, timeout, work):
    command = ["hugo", "server", "--noBuildLock", "-s", os.path.join(SHARED, "hugo-site"),
               "--contentDir", os.path.join(site, "Articles"), "--port", "43131", "--bind", "127.0.0.1",
               "--cacheDir", os.path.join(work, "hugo-cache")]  # Hugo's server renders to memory
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = queue.Queue()
    threading.Thread(target=lines_of, args=(server.stdout, output), daemon=True).start()
    try:
        wait_for(output, lambda l: "Web Server is available" in l, 1800)
        times = []
        for number, path in enumerate(edits):
            time.sleep(1.5)
            start = time.perf_counter()
            append(path, 100 + number)
            done, _ = wait_for(output, lambda l: l.strip().startswith("Total in"), timeout)
            times.append(done - start)
        return times
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--work", default="/tmp/tebiki-serve-bench")
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args()

    site = corpus(args.work, args.articles)
    pristine = site + ".pristine"
    if not os.path.isdir(pristine):
        shutil.copytree(site, pristine)
    def fresh():
        shutil.rmtree(site)
        shutil.copytree(pristine, site)
        return edit_targets(os.path.join(site, "Articles"), args.edits)

    reloads, settles = tebiki(site, fresh(), 60)
    print(f"{args.articles} articles, {args.edits} edits")
    print(f"tebiki serve: save → reload event  median {statistics.median(reloads) * 1000:.0f} ms "
          f"(min {min(reloads) * 1000:.0f}, max {max(reloads) * 1000:.0f})")
    print(f"tebiki serve: save → settled event median {statistics.median(settles) * 1000:.0f} ms "
          "(related lists and search index redone)")
    sys.stdout.flush()
    if args.no_hugo or shutil.which("hugo") is None:
        return
    hugo_times = hugo(site, fresh(), 600, args.work)
    print(f"hugo server:  save → rebuilt       median {statistics.median(hugo_times) * 1000:.0f} ms "
          f"(min {min(hugo_times) * 1000:.0f}, max {max(hugo_times) * 1000:.0f})")
    print(f"Hugo/Tebiki (reload) = {statistics.median(hugo_times) / statistics.median(reloads):.1f}x, "
          f"Hugo/Tebiki (settled) = {statistics.median(hugo_times) / statistics.median(settles):.1f}x")
    shutil.rmtree(site)


if __name__ == "__main__":
    main()
