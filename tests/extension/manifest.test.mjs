// The manifest keeps the extension invisible to LinkedIn and able to reach only the local server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../../extension/manifest.json", import.meta.url), "utf8"));

test("nothing is exposed to or injected into web pages by declaration", () => {
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(manifest.content_scripts, undefined);
});

test("the extension may reach only the local server", () => {
  assert.deepEqual([...manifest.host_permissions].sort(), ["http://127.0.0.1/*", "http://localhost/*"]);
  const allowed = new Set(["activeTab", "scripting", "storage", "contextMenus", "alarms"]);
  for (const permission of manifest.permissions) assert.ok(allowed.has(permission), permission);
  assert.ok(!manifest.permissions.includes("tabs"));
});

test("the same folder loads in Chrome (service worker) and Firefox (background scripts)", () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, "service_worker.js");
  assert.deepEqual(manifest.background.scripts, ["service_worker.js"]);
  assert.match(manifest.browser_specific_settings.gecko.id, /@/);
});
