#!/usr/bin/env python3
"""Build speed of Tebiki against Hugo on the same generated corpora, in the same run.

Usage: python3 Benchmarks/build-speed.py [--sizes 1000,10000,50000] [--runs 3]
                                          [--hugo-related-up-to 10000] [--work /tmp/tebiki-bench]
                                          [--sections] [--languages]

For each size it generates a mixed Japanese/English corpus with ../shared/bench/gen-corpus.py,
builds it with the release `tebiki` and with Debian's `hugo` using ../shared/bench/hugo-site,
and prints the median wall time, peak memory (max RSS), pages per second and the ratio
Hugo/Tebiki. Output folders are removed before every run, outside the timing.

Hugo runs twice: without its related-content lists (HUGO_PARAMS_NORELATED=true), and with
them for corpora up to --hugo-related-up-to articles (at 50,000 Hugo's related content takes
more than 15 minutes). Tebiki always builds its related lists; the time of its "Relating
articles" step (from --timings) is printed beside Hugo's extra time for related content.

With --sections, Tebiki also builds the same corpus spread over ten sections per category
(Articles/<category>/section-<n>/<slug>.md, links, images and related entries rewritten to
match), and the ratio to the flat build is printed. With --languages, it also builds a
two-language site: the corpus plus an English translation (Articles/en/…) of the first half
of its articles in file name order, and prints its time and peak memory against the corpus
alone, with the ratio per article.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def run(command, env=None):
    """Runs a command; returns (wall seconds, peak RSS in MB, standard output)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    stdout = process.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.stdout.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024, stdout


def step_time(timings, step):
    """Seconds of one step in `tebiki build --timings` output."""
    lines = timings.splitlines()
    for index, line in enumerate(lines):
        if line.endswith(step) and index + 1 < len(lines):
            return float(lines[index + 1].split()[0])
    return float("nan")


def measure(name, command, output, runs, env=None, step=None):
    walls, peaks, steps = [], [], []
    for _ in range(runs):
        shutil.rmtree(output, ignore_errors=True)
        wall, peak, stdout = run(command, env)
        walls.append(wall)
        peaks.append(peak)
        if step:
            steps.append(step_time(stdout, step))
    return {"name": name, "wall": statistics.median(walls), "peak": max(peaks), "walls": walls,
            "step": statistics.median(steps) if steps else None}


SECTIONS_PER_CATEGORY = 10


def sectioned(flat, out):
    """Copies a generated corpus with each category's articles dealt over ten sections, in
    file name order, rewriting every link, image and related entry for the new folders."""
    if os.path.isdir(out):
        return
    section_of = {}
    for category in sorted(os.listdir(flat)):
        folder = os.path.join(flat, category)
        if category == "images" or not os.path.isdir(folder):
            continue
        for number, name in enumerate(sorted(n for n in os.listdir(folder) if n.endswith(".md"))):
            section_of[f"{category}/{name[:-3]}"] = f"section-{number % SECTIONS_PER_CATEGORY}"
    shutil.copytree(os.path.join(flat, "images"), os.path.join(out, "images"))

    def moved(article_id):
        category, slug = article_id.split("/", 1)
        return f"{category}/{section_of[article_id]}/{slug}" if article_id in section_of else article_id

    link = re.compile(r"\]\(\.\./([^/)]+)/([^)#/]+)\.md")
    related = re.compile(r"^related: \[(.*)\]$", re.M)
    for article_id, section in section_of.items():
        with open(os.path.join(flat, article_id + ".md"), encoding="utf-8") as file:
            text = file.read()
        text = link.sub(lambda m: f"](../../{moved(m.group(1) + '/' + m.group(2))}.md", text)
        text = text.replace("](../images/", "](../../images/")
        text = related.sub(lambda m: "related: [" + ", ".join(moved(i.strip()) for i in m.group(1).split(",") if i.strip()) + "]", text)
        target = os.path.join(out, moved(article_id) + ".md")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as file:
            file.write(text)


def translated(flat, out):
    """Copies a generated corpus and adds a translation of half its articles in Articles/en/,
    so the site has 1.5 times the articles in two languages."""
    if os.path.isdir(out):
        return
    shutil.copytree(flat, os.path.join(out, "Articles"))
    articles = sorted(os.path.relpath(os.path.join(folder, name), flat)
                      for folder, _, names in os.walk(flat) for name in names if name.endswith(".md"))
    for relative in articles[:len(articles) // 2]:
        target = os.path.join(out, "Articles", "en", relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(flat, relative), target)
    with open(os.path.join(out, "tebiki.yml"), "w", encoding="utf-8") as file:
        file.write("languages: [ja, en]\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hugo-related-up-to", type=int, default=10000,
                        help="build Hugo with its related-content lists for corpora up to this size")
    parser.add_argument("--work", default="/tmp/tebiki-bench")
    parser.add_argument("--sections", action="store_true",
                        help="also build the corpus spread over ten sections per category")
    parser.add_argument("--languages", action="store_true",
                        help="also build the corpus with an English translation of half its articles")
    args = parser.parse_args()

    if shutil.which("hugo") is None:
        sys.exit("hugo is missing: apt-get install hugo")
    subprocess.run([os.path.join(ROOT, "Scripts", "build-release")], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    tebiki = os.path.join(ROOT, ".build", "release", "tebiki")
    hugo_plain = dict(os.environ, HUGO_PARAMS_NORELATED="true")

    print(f"{'articles':>8}  {'tool':<6} {'median s':>9} {'peak MB':>8} {'pages/s':>9}  runs"
          "   (hugo+r: Hugo with related content)")
    for size in [int(s) for s in args.sizes.split(",")]:
        site = os.path.join(args.work, f"corpus-{size}")
        articles = os.path.join(site, "Articles")
        if not os.path.isdir(articles):
            subprocess.run([sys.executable, os.path.join(SHARED, "gen-corpus.py"), "--articles", str(size),
                            "--lang", "mixed", "--out", articles], check=True, stdout=subprocess.DEVNULL)
        tebiki_out = os.path.join(args.work, f"tebiki-out-{size}")
        hugo_out = os.path.join(args.work, f"hugo-out-{size}")
        hugo = ["hugo", "--quiet", "--noBuildLock", "-s", os.path.join(SHARED, "hugo-site"), "--contentDir", articles,
                "-d", hugo_out, "--cacheDir", os.path.join(args.work, "hugo-cache")]
        results = [
            measure("tebiki", [tebiki, "build", "--timings", "--source", site, "--output", tebiki_out], tebiki_out,
                    args.runs, step="Relating articles"),
            measure("hugo", hugo, hugo_out, args.runs, hugo_plain),
        ]
        if size <= args.hugo_related_up_to:
            results.append(measure("hugo+r", hugo, hugo_out, args.runs, dict(os.environ)))
        if args.sections:
            nested = os.path.join(args.work, f"corpus-{size}-sections")
            sectioned(articles, os.path.join(nested, "Articles"))
            results.append(measure("tebiki/s", [tebiki, "build", "--timings", "--source", nested, "--output", tebiki_out],
                                   tebiki_out, args.runs, step="Relating articles"))
        if args.languages:
            bilingual = os.path.join(args.work, f"corpus-{size}-languages")
            translated(articles, bilingual)
            results.append(measure("tebiki/l", [tebiki, "build", "--timings", "--source", bilingual, "--output", tebiki_out],
                                   tebiki_out, args.runs, step="Relating articles"))
        for result in results:
            runs = " ".join(f"{w:.2f}" for w in result["walls"])
            count = size * 3 // 2 if result["name"] == "tebiki/l" else size
            print(f"{size:>8}  {result['name']:<6} {result['wall']:>9.2f} {result['peak']:>8.0f} "
                  f"{count / result['wall']:>9.0f}  {runs}")
        tebiki_result, hugo_result = results[0], results[1]
        print(f"{size:>8}  Hugo/Tebiki = {hugo_result['wall'] / tebiki_result['wall']:.1f}x without Hugo's related content"
              + (f", {results[2]['wall'] / tebiki_result['wall']:.1f}x with it" if size <= args.hugo_related_up_to else ""))
        by_name = {result["name"]: result for result in results}
        if args.sections:
            nested_result = by_name["tebiki/s"]
            print(f"{size:>8}  sections/flat = {nested_result['wall'] / tebiki_result['wall']:.2f} (time), "
                  f"{nested_result['peak'] / tebiki_result['peak']:.2f} (peak memory)")
        if args.languages:
            bilingual_result = by_name["tebiki/l"]
            print(f"{size:>8}  two languages ({size * 3 // 2} articles)/one = {bilingual_result['wall'] / tebiki_result['wall']:.2f} (time), "
                  f"{bilingual_result['peak'] / tebiki_result['peak']:.2f} (peak memory); articles 1.50")
        related = f"{size:>8}  related articles: Tebiki {tebiki_result['step']:.2f} s"
        if size <= args.hugo_related_up_to:
            related += f", Hugo {results[2]['wall'] - hugo_result['wall']:.2f} s (its build with minus without)"
        print(related)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
