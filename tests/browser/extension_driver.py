"""Driving the unpacked extension in Chromium the way a person would (browser-test notes).

The toolbar click is simulated with CDP `Extensions.triggerAction`, which grants
`activeTab` on the LinkedIn tab exactly like a real click; the popup is then opened in a
tab of its own as `popup.html?tab=<id>`.
"""

from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Worker


class ExtensionBrowser:
    def __init__(self, context: BrowserContext, site):
        self.context = context
        self.site = site
        self.worker: Worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
        self.id = urlsplit(self.worker.url).netloc

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
        popup.set_viewport_size({"width": 360, "height": 560})
        popup.goto(self.page_url(f"popup.html?tab={tab_id}"))
        return popup

    def pair(self, server_url: str, token: str) -> Page:
        """Fill in the options page as a person would and press Save (which also tests)."""
        options = self.context.new_page()
        options.goto(self.page_url("options.html"))
        options.fill("#serverUrl", server_url)
        options.fill("#token", token)
        options.click("#save")
        return options

    def badge_text(self) -> str:
        return self.worker.evaluate("chrome.action.getBadgeText({})")

    def storage(self, key: str):
        return self.worker.evaluate("(key) => chrome.storage.local.get(key).then((items) => items[key])", key)
