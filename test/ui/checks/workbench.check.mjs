// The packaged extension shows up in a real workbench the way a user would see it.
import * as assert from 'node:assert/strict';

export default [
  {
    name: 'workbench loads with the extension installed',
    async run(ui, { manifest, extensionId, localize }) {
      const installed = await ui.installedExtensions();
      const entry = installed.find((e) => e.id.toLowerCase() === extensionId.toLowerCase());
      assert.ok(
        entry,
        `the Extensions view does not list ${extensionId}; it lists: ${installed.map((e) => e.id).join(', ')}`,
      );
      assert.equal(entry.name, manifest.displayName);
      // The description comes from package.nls.json: a raw %placeholder% means the VSIX lacks it.
      assert.equal(entry.description, localize(manifest.description));
      assert.doesNotMatch(entry.description, /^%.*%$/);
      await ui.screenshot('extensions-view');

      // Each activity-bar container the manifest contributes is on screen and opens.
      const containers = manifest.contributes?.viewsContainers?.activitybar ?? [];
      const titles = await ui.activityBarTitles();
      for (const container of containers) {
        const title = localize(container.title);
        assert.ok(titles.includes(title), `activity bar lacks "${title}"; it has: ${titles.join(', ')}`);
        await ui.openViewContainer(title);
        await ui.screenshot(`container-${container.id}`);
      }
    },
  },
];
