// The packaged extension shows up in a real workbench.
import * as assert from 'node:assert/strict';

export default [
  {
    name: 'workbench loads with the extension installed',
    async run(ui, { manifest, extensionId }) {
      const installed = await ui.installedExtensions();
      const names = installed.map((e) => e.name);
      assert.ok(
        names.includes(manifest.displayName),
        `the Extensions view does not list "${manifest.displayName}" (${extensionId}); it lists: ${names.join(', ')}`,
      );
      await ui.screenshot('extensions-view');
      // Once the manifest contributes an activity-bar container, its item must be on screen too.
      for (const container of manifest.contributes?.viewsContainers?.activitybar ?? []) {
        const title = container.title.startsWith('%') ? undefined : container.title;
        if (!title) continue; // localized title: the view checks look it up
        await ui.openViewContainer(title);
        await ui.screenshot(`container-${container.id}`);
      }
    },
  },
];
