"""The browser harness: builds sites with the real tebiki binary, serves them with nginx,
drives headless Chromium, and crawls a help centre the way a reader's browser sees it.

Every later browser test (search, tours, the product widget) builds on these pieces.
"""
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(REPOSITORY, "Tests", "Fixtures")


def tebiki_binary():
    path = os.environ.get("TEBIKI_BIN") or os.path.join(REPOSITORY, ".build", "debug", "tebiki")
    if not os.access(path, os.X_OK):
        raise RuntimeError(f"no tebiki binary at {path}: run 'swift build' first or set TEBIKI_BIN")
    return path


def build_site(source, output, base_url=None):
    """Builds `source` into `output` with the real binary; returns the completed process."""
    command = [tebiki_binary(), "build", "--quiet", "--source", source, "--output", output]
    if base_url:
        command += ["--base-url", base_url]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"tebiki build failed:\n{result.stderr}")
    return result


class TebikiServe:
    """`tebiki serve` on a free loopback port for a site folder; `lines` is what it printed."""

    def __init__(self, source):
        self.process = subprocess.Popen([tebiki_binary(), "serve", "--source", source, "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("Serving at "):
                self.url = line.split()[2]
                break
        else:
            raise RuntimeError("tebiki serve did not start:\n" + "\n".join(self.lines))
        # Keeps reading, so the server never blocks on a full pipe and tests can see its log.
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class StaticServer:
    """Python's own HTTP server for a folder, on a free loopback port, in a thread: a second
    origin beside nginx (the product that embeds the widget, say)."""

    def __init__(self, folder):
        handler = functools.partial(_QuietHandler, directory=folder)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def gzip_size(path):
    """The size of a file compressed as a host would send it."""
    with open(path, "rb") as file:
        return len(gzip.compress(file.read(), 9))


def search_files_loaded(driver):
    """The files of a page opened from disk that search has loaded so far: search.js and the
    index parts, as paths on disk."""
    loaded = driver.execute_script(
        "return Array.from(document.scripts, s => s.src).filter(s => s.includes('/search/') || s.endsWith('search.js'));")
    return [urllib.parse.unquote(re.sub(r"^file://", "", url)) for url in loaded]


def open_with_search_focused(driver, url):
    """Opens `url` and focuses its search box, as a reader does before typing (which fetches the
    index's entry point); returns once that entry point has loaded."""
    driver.get(url)
    # Loaded, not only requested: a script's load event does not bubble, but it can be caught
    # on its way down, before the box asks for the script.
    driver.execute_script(
        "window.tebikiMetaLoaded = false;"
        "document.addEventListener('load', e => { if ((e.target.src || '').endsWith('search/meta.js')) window.tebikiMetaLoaded = true; }, true);"
        "document.querySelector('form.search input').focus();")
    wait_for(lambda: driver.execute_script("return window.tebikiMetaLoaded"))


def wait_for(predicate, timeout=6):
    """The first truthy value of `predicate`, tried until `timeout` seconds have passed; then its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.03)
    return predicate()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    """Debian's nginx on a free loopback port with its own configuration, serving one site at
    the domain root and another under a sub-path, each with its own 404 page."""

    def __init__(self, root_site, sub_path, sub_site):
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="tebiki-nginx-")
        self.sub_path = sub_path.strip("/")
        config = f"""
worker_processes 1;
daemon off;
pid {self.folder}/nginx.pid;
error_log {self.folder}/error.log warn;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {self.folder}/body;
    proxy_temp_path {self.folder}/proxy;
    fastcgi_temp_path {self.folder}/fastcgi;
    uwsgi_temp_path {self.folder}/uwsgi;
    scgi_temp_path {self.folder}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        root {root_site};
        error_page 404 /404.html;
        location /{self.sub_path}/ {{
            alias {sub_site}/;
            error_page 404 /{self.sub_path}/404.html;
        }}
    }}
}}
"""
        self.config_path = os.path.join(self.folder, "nginx.conf")
        with open(self.config_path, "w") as handle:
            handle.write(config)
        self.process = subprocess.Popen(["nginx", "-c", self.config_path, "-p", self.folder],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"nginx did not start: {self.process.stderr.read().decode()}")
                time.sleep(0.05)
        raise RuntimeError("nginx did not start listening within 10 s")

    @property
    def root_url(self):
        return f"http://127.0.0.1:{self.port}/"

    @property
    def sub_url(self):
        return f"http://127.0.0.1:{self.port}/{self.sub_path}/"

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def chromium(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--allow-file-access-from-files", "--lang=ja"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def set_color_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


@dataclass
class CrawlReport:
    """What a crawl found: every page it loaded and every problem, as readable lines."""
    pages: list = field(default_factory=list)
    problems: list = field(default_factory=list)


# Collects every URL a page refers to, after the page's scripts ran.
COLLECT_REFERENCES = """
const refs = [];
document.querySelectorAll('a[href]').forEach(a => refs.push(['a', a.href]));
document.querySelectorAll('link[href]').forEach(l => refs.push(['link', l.href]));
document.querySelectorAll('script[src], img[src], iframe[src], source[src]').forEach(e => refs.push([e.tagName.toLowerCase(), e.src]));
return refs;
"""

# Resources the browser loaded for this page, with the HTTP status where the browser knows it.
RESOURCE_STATUS = """
return performance.getEntriesByType('resource').map(e => [e.name, e.responseStatus || 0]);
"""


def crawl(driver, start_url, inside):
    """Loads `start_url` and every page reachable from it through links that stay `inside`
    (a URL prefix). Reports references that do not resolve, fragments with no element, pages
    whose stylesheet did not apply, failed requests and console errors."""
    report = CrawlReport()
    queue = [strip_fragment(start_url)]
    queued = set(queue)
    ids_by_page = {}
    wanted_fragments = {}   # page URL -> [(fragment, page linking to it)]
    checked = set()         # files (stylesheets, scripts, images) already fetched
    while queue:
        url = queue.pop(0)
        driver.get(url)
        report.pages.append(url)
        for entry in driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                report.problems.append(f"{url}: console error: {entry['message']}")
        if not driver.execute_script(STYLESHEET_APPLIED):
            report.problems.append(f"{url}: the theme's stylesheet did not apply")
        for name, status in driver.execute_script(RESOURCE_STATUS):
            if status >= 400:
                report.problems.append(f"{url}: request for {name} answered {status}")
        ids_by_page[url] = set(driver.execute_script("return Array.from(document.querySelectorAll('[id]'), e => e.id);"))
        for kind, reference in driver.execute_script(COLLECT_REFERENCES):
            if not reference.startswith(inside):
                continue
            target, fragment = split_fragment(reference)
            if kind == "a" and is_page(target):
                if fragment:
                    wanted_fragments.setdefault(target, []).append((fragment, url))
                if target not in queued:
                    queued.add(target)
                    problem = fetch_problem(target)
                    if problem:
                        report.problems.append(f"{url}: link to {target}: {problem}")
                    else:
                        queue.append(target)
            elif target not in checked:
                checked.add(target)
                problem = fetch_problem(target)
                if problem:
                    report.problems.append(f"{url}: {kind} {target}: {problem}")
    for page, links in wanted_fragments.items():
        ids = ids_by_page.get(page, set())
        for fragment, source in links:
            if page in ids_by_page and fragment not in ids:
                report.problems.append(f"{source}: link to {page}#{fragment}: no element has that id")
    return report


# True when the default theme's stylesheet is in effect on the page.
STYLESHEET_APPLIED = """
const header = document.querySelector('.site-header');
return header !== null && getComputedStyle(header).borderBottomStyle === 'solid';
"""


def strip_fragment(url):
    return split_fragment(url)[0]


def split_fragment(url):
    target, _, fragment = url.partition("#")
    return target, urllib.parse.unquote(fragment)


def is_page(url):
    path = urllib.parse.urlparse(url).path
    return path.endswith("/") or path.endswith(".html")


def fetch_problem(url):
    """None when the URL answers 200 (or, from disk, when the file exists)."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme == "file":
        path = urllib.parse.unquote(parsed.path)
        if path.endswith("/"):
            return "a folder, not a page (opened from disk it shows a file listing)"
        return None if os.path.isfile(path) else "no such file"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return None if response.status == 200 else f"status {response.status}"
    except urllib.error.HTTPError as error:
        return f"status {error.code}"
    except urllib.error.URLError as error:
        return f"unreachable: {error.reason}"


def html_pages(site):
    """Every page of a built site as a path relative to it, e.g. 'login/login/index.html'."""
    pages = []
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(folder, name), site))
    return sorted(pages)


def is_redirect_page(path):
    with open(path, encoding="utf-8") as handle:
        return 'http-equiv="refresh"' in handle.read()
