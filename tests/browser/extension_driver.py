"""Driving the unpacked extension in Chromium the way a person would (browser-test notes).

The toolbar click is simulated with CDP `Extensions.triggerAction`, which grants
`activeTab` on the LinkedIn tab exactly like a real click; the popup is then opened in a
tab of its own as `popup.html?tab=<id>`.
"""

import re
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Worker, expect

# What no page of the extension may show (issue 14): backticks, "(s)", raw stage or draft-kind values.
RAW_VALUES = re.compile(r"\b(in_touch|not_now|connection_note|thank_you|follow_up|keep_in_touch|referral_thanks|"
                        r"invitation_sent|message_sent|thank_you_sent)\b|Stage: [a-z]")
# Everything a person can read on a page: the text, and the words in tooltips, placeholders and menus.
READ_UI = """() => {
    const bits = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[title], [placeholder], [aria-label], option')) {
        bits.push(el.getAttribute('title') || '', el.getAttribute('placeholder') || '',
                  el.getAttribute('aria-label') || '', el.tagName === 'OPTION' ? el.textContent : '');
    }
    return bits.join('\\n');
}"""


class ExtensionBrowser:
    def __init__(self, context: BrowserContext, site):
        self.context = context
        self.site = site
        self.worker: Worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
        self.id = urlsplit(self.worker.url).netloc
        self.scanned: list[str] = []
        # The first-run page opens on install; wait for it so later tabs are told apart reliably.
        self.welcome = next((p for p in context.pages if p.url.endswith("/welcome.html")), None)
        if self.welcome is None:
            self.welcome = context.wait_for_event("page", lambda p: p.url.endswith("/welcome.html"), timeout=10000)

    def page_url(self, name: str) -> str:
        return f"chrome-extension://{self.id}/{name}"

    def _tab_ids(self) -> set[int]:
        # Without the `tabs` permission tabs carry no URL, so new tabs are found by id.
        return set(self.worker.evaluate("chrome.tabs.query({}).then((tabs) => tabs.map((t) => t.id))"))

    def open_linkedin(self, path: str) -> tuple[Page, int]:
        """Open https://www.linkedin.com<path> in a new tab; returns the page and its tab id."""
        before = self._tab_ids()
        page = self.context.new_page()
        (tab_id,) = self._tab_ids() - before
        page.goto(self.site.url(path), wait_until="domcontentloaded")
        return page, tab_id

    def click_toolbar_button(self, page: Page) -> None:
        """Press the extension's toolbar button on `page`'s tab (grants activeTab there)."""
        cdp = self.context.browser.new_browser_cdp_session()
        try:
            targets = cdp.send("Target.getTargets", {"filter": [{"type": "tab"}]})["targetInfos"]
            tab = next(t for t in targets if t["url"] == page.url)
            cdp.send("Extensions.triggerAction", {"id": self.id, "targetId": tab["targetId"]})
        finally:
            cdp.detach()

    def open_popup(self, tab_id: int) -> Page:
        """The popup, acting on `tab_id`, in a popup-sized tab."""
        popup = self.context.new_page()
        popup.set_viewport_size({"width": 380, "height": 640})
        popup.goto(self.page_url(f"popup.html?tab={tab_id}"))
        return popup

    def options(self) -> Page:
        options = self.context.new_page()
        options.goto(self.page_url("options.html"))
        return options

    def pair(self, server_url: str, token: str) -> Page:
        """Pair by hand as a person would: paste the address and token, press Test connection."""
        options = self.options()
        options.fill("#serverUrl", server_url)
        options.fill("#token", token)
        options.click("#test")
        return options

    def connect(self, options: Page) -> tuple[Page, str]:
        """Press Connect on a page that has it; returns the dashboard's approval page and the code shown."""
        with self.context.expect_page(lambda p: "/pair/" in p.url) as approval:
            options.click("#connect")
        page = approval.value
        page.wait_for_load_state("domcontentloaded")
        expect(options.locator("#connection")).to_contain_text("click Allow")
        code = re.search(r"[A-Z2-9]{3}-[A-Z2-9]{3}", options.locator("#connection").inner_text()).group(0)
        return page, code

    def use_server(self, server_url: str) -> None:
        """Point the extension at a test server without pairing it (as if typed in Options)."""
        self.worker.evaluate("(url) => chrome.storage.local.set({serverUrl: url})", server_url)

    def badge_text(self) -> str:
        return self.worker.evaluate("chrome.action.getBadgeText({})")

    def storage(self, key: str):
        return self.worker.evaluate("(key) => chrome.storage.local.get(key).then((items) => items[key])", key)

    def scan(self, page: Page) -> str:
        """Read what a person sees on an extension page and check the words rules; returns the text."""
        text = page.evaluate(READ_UI)
        self.scanned.append(text)
        assert "`" not in text, f"a backtick on {page.url}: {text}"
        assert "(s)" not in text, f'"(s)" on {page.url}: {text}'
        raw = RAW_VALUES.search(text)
        assert raw is None, f"a raw value {raw.group(0)!r} on {page.url}: {text}"
        return text
