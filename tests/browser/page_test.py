#!/usr/bin/env python3
"""The `folio serve` page in headless Chromium, driven over WebDriver.

As a user would: open the page, drop the reference interview on the drop
zone, look at what Folio understood, change a speaker's role, download the
PDF, and check it (qpdf --check; pdftotext finds the questions; the role
change reached it). Also: a warning's line button shows the source line,
the command line follows the edits, the page has no console errors (a
Content-Security-Policy violation would be one), and every control has an
accessible name. Screenshots are saved for review in SCREENSHOTS
(default target/browser/).

Needs Debian's chromium and chromium-driver, qpdf and poppler-utils (the CI
script installs them); only the standard library of Python.

Usage: python3 tests/browser/page_test.py [--folio target/debug/folio]
       [--browser chromium|firefox]

Firefox needs firefox-esr (Debian) and geckodriver (cargo install
geckodriver); Firefox's console is not read (geckodriver cannot), and its
policy violations are recorded from the moment the page has loaded.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "tests", "fixtures", "seed", "seed.txt")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    """The few WebDriver calls the test needs."""

    def __init__(self, port, browser):
        self.base = f"http://127.0.0.1:{port}"
        self.browser = browser
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path, data=data, method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.load(response).get("value")
        except urllib.error.HTTPError as err:
            raise RuntimeError(f"WebDriver {method} {path}: {err.read().decode()[:500]}") from None

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def start(self, downloads):
        if self.browser == "firefox":
            capabilities = {
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": shutil.which("firefox-esr") or shutil.which("firefox"),
                    "args": ["-headless"],
                    "prefs": {
                        # Downloads go straight to the folder, PDFs too
                        # (instead of opening in Firefox's viewer).
                        "browser.download.folderList": 2,
                        "browser.download.dir": downloads,
                        "browser.download.useDownloadDir": True,
                        "browser.download.always_ask_before_handling_new_types": False,
                        "browser.download.open_pdf_attachments_inline": False,
                        "browser.helperApps.neverAsk.saveToDisk":
                            "application/pdf,application/zip,application/json,application/epub+zip",
                    },
                },
            }
        else:
            capabilities = {
                "browserName": "chrome",
                "goog:loggingPrefs": {"browser": "ALL"},
                "goog:chromeOptions": {
                    "binary": shutil.which("chromium") or "/usr/bin/chromium",
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--disable-dev-shm-usage", "--window-size=1400,1000",
                    ],
                    "prefs": {
                        "download.default_directory": downloads,
                        "download.prompt_for_download": False,
                    },
                },
            }
        value = self.call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
        self.session = value["sessionId"]
        if self.browser == "firefox":
            self.s("POST", "/window/rect", {"width": 1400, "height": 1000})
        else:
            # Headless Chromium saves downloads only when told where.
            self.s("POST", "/goog/cdp/execute", {
                "cmd": "Browser.setDownloadBehavior",
                "params": {"behavior": "allow", "downloadPath": downloads},
            })

    def go(self, url):
        self.s("POST", "/url", {"url": url})

    def find(self, css):
        found = self.s("POST", "/element", {"using": "css selector", "value": css})
        if not isinstance(found, dict) or ELEMENT not in found:
            raise AssertionError(f"no element {css}: {found}")
        return found[ELEMENT]

    def click(self, css):
        self.s("POST", f"/element/{self.find(css)}/click", {})

    def run(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.s("GET", "/screenshot")))

    def console_errors(self):
        # geckodriver has no log endpoint: Firefox's console is not read.
        if self.browser == "firefox":
            return []
        entries = self.s("POST", "/se/log", {"type": "browser"}) or []
        return [e["message"] for e in entries if e.get("level") == "SEVERE"]

    def watch_policy(self):
        """Records every Content-Security-Policy violation of the pages
        loaded from now on in window.policyViolations (in Firefox, from the
        moment this is called on the loaded page)."""
        script = (
            "window.policyViolations = [];"
            "document.addEventListener('securitypolicyviolation', e =>"
            " window.policyViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        if self.browser == "firefox":
            self.run(script)
            return
        self.s("POST", "/goog/cdp/execute", {
            "cmd": "Page.addScriptToEvaluateOnNewDocument",
            "params": {"source": (
                "window.policyViolations = [];"
                "document.addEventListener('securitypolicyviolation', e =>"
                " window.policyViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
            )},
        })

    def quit(self):
        if self.session:
            try:
                self.call("DELETE", f"/session/{self.session}")
            except (RuntimeError, OSError):
                pass


def wait_for(what, check, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def wait_idle(driver, what):
    """The page sets body[data-state] to idle when an action has finished."""
    state = wait_for(what, lambda: driver.run(
        "return document.body.dataset.state === 'busy' ? null : document.body.dataset.state"))
    status = driver.run("return document.getElementById('status').textContent")
    if state != "idle":
        raise AssertionError(f"{what}: the page says {state}: {status}")
    return status


def downloaded(folder, suffix, before):
    def check():
        for name in os.listdir(folder):
            path = os.path.join(folder, name)
            if name.endswith(suffix) and path not in before and os.path.getsize(path) > 0:
                return path
        return None
    return wait_for(f"a {suffix} download", check)


def outline_count(pdf):
    """How many bookmarks the PDF has (questions and sections)."""
    out = subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                         capture_output=True, text=True, check=True).stdout

    def count(items):
        return sum(1 + count(i.get("kids", [])) for i in items)
    return count(json.loads(out).get("outlines", []))


def check_pdf(path, questions):
    subprocess.run(["qpdf", "--check", path], check=True, capture_output=True)
    text = subprocess.run(["pdftotext", "-layout", path, "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for question in questions:
        words = " ".join(question.split()[:6])
        assert words in flat, f"the PDF lacks the question {words!r}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--folio", default=os.path.join(ROOT, "target", "debug", "folio"))
    parser.add_argument("--screenshots", default=os.path.join(ROOT, "target", "browser"))
    parser.add_argument("--browser", choices=["chromium", "firefox"], default="chromium")
    args = parser.parse_args()
    driver_tool = "geckodriver" if args.browser == "firefox" else "chromedriver"
    for tool in [driver_tool, "qpdf", "pdftotext"]:
        if not shutil.which(tool):
            print(f"missing {tool}: apt-get install chromium chromium-driver qpdf poppler-utils"
                  " (for Firefox: firefox-esr, and cargo install geckodriver)", file=sys.stderr)
            return 1
    os.makedirs(args.screenshots, exist_ok=True)
    downloads = tempfile.mkdtemp(prefix="folio-downloads-")

    server = subprocess.Popen([args.folio, "serve", "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, cwd=ROOT,
                              env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    driver_port = free_port()
    chromedriver = subprocess.Popen([driver_tool, f"--port={driver_port}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = Driver(driver_port, args.browser)
    try:
        url = server.stdout.readline().decode().strip().removeprefix("Folio is serving on ")
        wait_for(driver_tool, lambda: _up(driver))
        driver.start(downloads)
        if args.browser == "chromium":
            driver.watch_policy()
        driver.go(url)
        wait_idle(driver, "the page to load")
        if args.browser == "firefox":
            driver.watch_policy()
        shots = os.path.join(args.screenshots, args.browser)
        os.makedirs(shots, exist_ok=True)
        driver.screenshot(os.path.join(shots, "1-empty.png"))

        # Drop the reference interview on the drop zone, as a file from the
        # desktop arrives: a drop event carrying a File.
        with open(SEED, encoding="utf-8") as f:
            seed = f.read()
        driver.run("""
            const [text, name] = arguments;
            const zone = document.getElementById('drop-zone');
            const data = new DataTransfer();
            data.items.add(new File([text], name, {type: 'text/plain'}));
            for (const type of ['dragenter', 'dragover', 'drop']) {
              zone.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
            }
        """, seed, "seed.txt")
        status = wait_idle(driver, "reading the dropped interview")
        print(f"after the drop: {status}")
        expected = json.loads(subprocess.run(
            [args.folio, "inspect", "--json", SEED], capture_output=True, check=True).stdout)
        count = len(expected["turns"])
        assert status.startswith(f"Read seed.txt: 2 speakers, {count} turns."), status
        # Long interviews are drawn as they scroll into view: ask for the last.
        wait_for("the last turn", lambda: driver.run(
            "document.getElementById('turns').lastElementChild?.scrollIntoView();"
            f"return document.getElementById('turn-{count}') !== null"), timeout=10)
        title = driver.run("return document.getElementById('title-input').value")
        assert title.startswith("Reader’s Reflections"), title
        questions = driver.run("""
            return [...document.querySelectorAll('#turns .turn--question')]
              .map(t => t.querySelector('.turn-body .block').textContent.replace(/^¶\\d+/, ''));
        """)
        assert len(questions) == sum(t["role"] == "question" for t in expected["turns"]), questions
        driver.run("document.getElementById('understood-heading').scrollIntoView()")
        driver.screenshot(os.path.join(shots, "2-understood.png"))
        driver.run("window.scrollBy(0, document.getElementById('speakers-heading').getBoundingClientRect().top - 120)")
        driver.screenshot(os.path.join(shots, "3-speakers.png"))
        driver.run("document.getElementById('turn-1').scrollIntoView()")
        driver.screenshot(os.path.join(shots, "3b-turns.png"))

        # A warning's line number shows that line of the source.
        warnings_html = driver.run("return document.getElementById('warnings').outerHTML")
        assert "line-link" in warnings_html, warnings_html
        driver.click("#warnings button.line-link")
        shown = wait_for("the warning's line", lambda: driver.run("""
            const line = document.getElementById('line-27');
            return line && line.classList.contains('is-highlighted') && document.activeElement === line;
        """), timeout=10)
        assert shown

        # The PDF as Folio read it, then with GT as moderator.
        before = set()
        driver.click("#download-pdf")
        wait_idle(driver, "the first download")
        first = downloaded(downloads, ".pdf", before)
        check_pdf(first, questions)
        bookmarks_before = outline_count(first)

        select = driver.find("select.role-select[data-speaker='gt']")
        option = driver.s("POST", f"/element/{select}/element",
                          {"using": "css selector", "value": "option[value='moderator']"})[ELEMENT]
        driver.s("POST", f"/element/{option}/click", {})
        command = wait_for("the command line to follow", lambda: (lambda c: c if "moderator" in c else None)(
            driver.run("return document.getElementById('command-line').textContent")), timeout=10)
        assert "--role 'GT=moderator'" in command, command
        roles = driver.run("""
            return [...document.querySelectorAll('#turns .turn')].map(t => t.className);
        """)
        assert not any("turn--question" in r for r in roles), roles

        os.rename(first, first + ".first")
        before = {first + ".first"}
        driver.click("#download-pdf")
        wait_idle(driver, "the second download")
        second = downloaded(downloads, ".pdf", before)
        check_pdf(second, questions)
        bookmarks_after = outline_count(second)
        # A moderator hands over rather than asks: the questions leave the
        # bookmarks, and the PDF is another one.
        assert bookmarks_after < bookmarks_before, (bookmarks_before, bookmarks_after)
        print(f"PDF downloaded twice: {bookmarks_before} bookmarks as read, {bookmarks_after} with GT as moderator")

        driver.click("#preview-button")
        wait_idle(driver, "the preview")
        src = driver.run("return document.getElementById('preview-frame').src")
        assert src.startswith("blob:"), src
        driver.run("document.getElementById('preview-frame').scrollIntoView()")
        # The browser's PDF viewer draws the first page after the frame loads.
        time.sleep(4 if args.browser == "firefox" else 1.5)
        driver.screenshot(os.path.join(shots, "4-preview.png"))

        # Two interviews dropped at once make a book; all three formats of
        # it come as one zip.
        with open(os.path.join(ROOT, "samples", "05-q-a-colon.md"), encoding="utf-8") as f:
            second = f.read()
        driver.run("""
            const [texts, names] = arguments;
            const zone = document.getElementById('drop-zone');
            const data = new DataTransfer();
            texts.forEach((text, i) => data.items.add(new File([text], names[i], {type: 'text/plain'})));
            for (const type of ['dragenter', 'dragover', 'drop']) {
              zone.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
            }
        """, [seed, second], ["seed.txt", "05-q-a-colon.md"])
        wait_idle(driver, "reading two interviews")
        assert driver.run("return !document.getElementById('book-section').hidden"), "no book mode"
        title = driver.find("#book-title")
        driver.s("POST", f"/element/{title}/value", {"text": "Two conversations"})
        before = set(os.path.join(downloads, n) for n in os.listdir(downloads))
        driver.click("#download-zip")
        wait_idle(driver, "the book's zip")
        book = downloaded(downloads, ".zip", before)
        with zipfile.ZipFile(book) as archive:
            names = archive.namelist()
        assert names == ["Two conversations.pdf", "Two conversations.docx", "Two conversations.epub"], names
        driver.run("window.scrollTo(0, document.getElementById('book-heading').getBoundingClientRect().top + window.scrollY - 20)")
        driver.screenshot(os.path.join(shots, "5-book.png"))
        print(f"book of two interviews downloaded as {os.path.basename(book)}: {names}")

        unnamed = driver.run("""
            const unnamed = [];
            for (const el of document.querySelectorAll('button, input, select, textarea, [role=button]')) {
              if (el.closest('[hidden]') || el.type === 'hidden') continue;
              const labelled = el.labels && el.labels.length > 0;
              const named = (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
                || el.getAttribute('title') || (el.tagName === 'BUTTON' && el.textContent.trim()));
              if (!labelled && !named) unnamed.push(el.outerHTML.slice(0, 120));
            }
            return unnamed;
        """)
        assert not unnamed, f"controls without a name: {unnamed}"
        errors = driver.console_errors()
        assert not errors, f"console errors: {errors}"
        violations = driver.run("return window.policyViolations")
        assert violations == [], f"the page broke its own policy: {violations}"
        print(f"browser test passed in {args.browser}; screenshots in {shots}")
        return 0
    finally:
        driver.quit()
        chromedriver.terminate()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(downloads, ignore_errors=True)


def _up(driver):
    try:
        return driver.call("GET", "/status")["ready"]
    except (OSError, RuntimeError):
        return False


if __name__ == "__main__":
    sys.exit(main())
