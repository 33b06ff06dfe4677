// The commands the core builds, run by Adobe's real QPT engine (magento/magento-cloud-patches with PHP, installed
// into a copy of a fixture store by ../shared/tools/real-qpt), and the core's reading of what it printed.
// `npm run test:real-qpt`; part of `npm run test:all` and CI. Vendor files of chosen patches are rebuilt from the
// patches themselves (test/support/preImage.ts), so those patches come out Not applied; the rest are N/A.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLock, type Analysis } from '../../../../src/core/analyze';
import { addQualityPatches, ENV_YAML_FILE } from '../../../../src/core/cloud/envYaml';
import { applyTextEdits } from '../../../../src/core/cloud/textEdit';
import { qptApplyCommand, qptRevertCommand, qptStatusCommand } from '../../../../src/core/qpt/command';
import { qptRunMessage, type QptRunAction } from '../../../../src/core/qpt/runMessage';
import { parseQptRunOutput } from '../../../../src/core/qpt/runOutput';
import { parseQptStatus, withCatalogIds, type QptPatchState } from '../../../../src/core/qpt/status';
import { qptVendorDirProblem } from '../../../../src/core/qpt/vendorDir';
import { repoRoot } from '../../../support/realworld';
import {
  gitAccepts,
  realStore,
  requireRealQpt,
  runInvocation,
  type RealStore,
  type Run,
} from '../../../support/realQpt';

const ACP2E_3705 = 'os/ACP2E-3705_2.4.7-p4_v2.patch';
const MDVA_30106 = 'os/MDVA-30106_2.3.4.patch';
/** Support patches for 2.4.7-p1 that touch different files: seeded, they are all Not applied at once. */
const SUPPORT_247 = {
  'MDVA-39305-V3': 'os/ACSD-63776_2.4.7.patch',
  'ACSD-59036': 'os/ACSD-59036_2.4.7.patch',
  'ACSD-60441': 'os/ACSD-60441_2.4.5-p8.patch',
  'ACSD-60631': 'os/ACSD-60631_2.4.7-p1.patch',
  'ACSD-61195': 'os/ACSD-61195_2.4.7-p1.patch',
  'ACSD-60590': 'os/ACSD-62297_2.4.7-p1.patch',
  'ACSD-61366': 'os/ACSD-61366_2.4.7-p1.patch',
  'ACSD-63062': 'os/ACSD-63062_2.4.7-p2.patch',
};
const COMMUNITY_34528 = 'community/magento_magento2_34528.patch';

interface Context {
  store: RealStore;
  analysis: Analysis;
}

function open(fixture: string, seed: string[]): Context {
  const store = realStore(fixture, { seed });
  return { store, analysis: analyzeLock(join(store.root, 'composer.lock')) };
}

async function status({ store, analysis }: Context): Promise<Map<string, QptPatchState>> {
  const run = await runInvocation(qptStatusCommand(analysis.project), store.env);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  return withCatalogIds(parseQptStatus(run.stdout), analysis.catalog.patches.keys());
}

async function qpt(
  ctx: Context,
  action: QptRunAction,
  ids: string[],
): Promise<{ run: Run; text: string; level: string }> {
  const { store, analysis } = ctx;
  const build = action === 'apply' ? qptApplyCommand : qptRevertCommand;
  const run = await runInvocation(build(analysis.project, ids, { known: analysis.catalog.patches }), store.env);
  assert.equal(run.stderr, '', 'QPT prints everything on stdout');
  const report = parseQptRunOutput(run.stdout, analysis.catalog.patches.keys());
  const message = qptRunMessage(action, ids, 'the store', run.code, report);
  return { run, text: message.text, level: message.level };
}

describe('real QPT engine: status, apply and revert as the core builds them (Open Source 2.4.7-p1)', function () {
  this.timeout(120000);
  let ctx: Context;
  before(function () {
    requireRealQpt(this);
    ctx = open('os-247p1', [ACP2E_3705, ...Object.values(SUPPORT_247)]);
  });
  after(() => ctx?.store.remove());

  it('status --format=json: every row parses; the seeded patches are Not applied, as git apply --check says', async () => {
    const states = await status(ctx);
    assert.ok(states.size > 150, `${states.size} rows`);
    assert.equal(states.get('ACP2E-3705')?.status, 'Not applied');
    assert.ok(gitAccepts(ctx.store, ACP2E_3705));
    for (const id of Object.keys(SUPPORT_247)) assert.equal(states.get(id)?.status, 'Not applied', id);
    // A patch whose vendor files are absent.
    assert.equal(states.get('MDVA-30106')?.status, 'N/A');
    // Every catalog patch QPT reports is found under the catalog's ID; the rest are the engine's own Cloud patches.
    const unknown = [...states.keys()].filter((id) => !ctx.analysis.catalog.patches.has(id));
    assert.ok(
      unknown.every((id) => /^(MCLOUD|AC-|MC-|MDVA-43443|MAGETWO|MAGECLOUD)/.test(id)),
      unknown.join(' '),
    );
  });

  it('apply: exit 0, "has been applied"; git apply --check --reverse passes and status says Applied', async () => {
    const { run, text, level } = await qpt(ctx, 'apply', ['ACP2E-3705']);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^Patch ACP2E-3705 has been applied$/m);
    assert.deepEqual([text, level], ['Applied ACP2E-3705 to the store.', 'info']);
    assert.ok(gitAccepts(ctx.store, ACP2E_3705, true), 'the vendor files hold the patch');
    assert.ok(!gitAccepts(ctx.store, ACP2E_3705));
    assert.equal((await status(ctx)).get('ACP2E-3705')?.status, 'Applied');
  });

  it('apply again: exit 0, "was already applied"; the message says nothing changed', async () => {
    const { run, text, level } = await qpt(ctx, 'apply', ['ACP2E-3705']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /ACP2E-3705 \(.*\) was already applied/);
    assert.equal(text, 'ACP2E-3705 was already applied to the store: nothing changed.');
    assert.equal(level, 'warning');
  });

  it('revert: exit 0, "has been reverted"; the vendor files are back as before', async () => {
    const { run, text } = await qpt(ctx, 'revert', ['ACP2E-3705']);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(text, 'Reverted ACP2E-3705 in the store.');
    assert.ok(gitAccepts(ctx.store, ACP2E_3705));
    assert.equal((await status(ctx)).get('ACP2E-3705')?.status, 'Not applied');
  });

  it('revert again: exit 0, "is not applied"; the message says there was nothing to revert', async () => {
    const { run, text } = await qpt(ctx, 'revert', ['ACP2E-3705']);
    assert.equal(run.code, 0);
    assert.equal(text, 'ACP2E-3705 was not applied to the store: nothing to revert.');
  });

  it('a patch whose files are missing: exit 1, "can\'t be applied" with git\'s reason; nothing changed', async () => {
    const before = readFileSync(join(ctx.store.root, 'vendor/magento/module-indexer/Model/ProcessManager.php'), 'utf8');
    const { run, text, level } = await qpt(ctx, 'apply', ['ACP2E-3705', 'MDVA-30106']);
    assert.equal(run.code, 1);
    assert.equal(level, 'error');
    assert.match(
      text,
      /^MDVA-30106 cannot be applied to the store: .*\(error: vendor\/.*: No such file or directory\)\./,
    );
    assert.ok(gitAccepts(ctx.store, ACP2E_3705), 'QPT reverted what it applied in the same run');
    assert.equal(
      readFileSync(join(ctx.store.root, 'vendor/magento/module-indexer/Model/ProcessManager.php'), 'utf8'),
      before,
    );
    assert.ok(!gitAccepts(ctx.store, MDVA_30106));
  });

  it('QPT itself finds no lower-case ID ("Next patches weren\'t found", exit 1): the core upper-cases them', async () => {
    const inv = qptApplyCommand(ctx.analysis.project, ['ACP2E-3705'], { known: ctx.analysis.catalog.patches });
    const lower = await runInvocation(
      { ...inv, args: inv.args.map((a) => (a === 'ACP2E-3705' ? 'acp2e-3705' : a)) },
      ctx.store.env,
    );
    assert.equal(lower.code, 1);
    const report = parseQptRunOutput(lower.stdout);
    assert.deepEqual(report.notFound, ['acp2e-3705']);
    assert.match(
      qptRunMessage('apply', ['acp2e-3705'], 'the store', 1, report).text,
      /^The Quality Patches Tool does not offer acp2e-3705 for the store/,
    );
    assert.ok(gitAccepts(ctx.store, ACP2E_3705), 'nothing applied');
  });

  it('from 8 applied support patches on, the warning about previous minor lines reaches the message', async () => {
    const ids = Object.keys(SUPPORT_247);
    const { run, text, level } = await qpt(ctx, 'apply', ids);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^Warning for those on a previous minor line!/m);
    assert.equal(level, 'warning');
    assert.match(
      text,
      /^Applied MDVA-39305-V3, ACSD-59036, .*, ACSD-63062 to the store\. The Quality Patches Tool warns that 8 or more/,
    );
    for (const [id, file] of Object.entries(SUPPORT_247)) assert.ok(gitAccepts(ctx.store, file, true), id);
    const states = await status(ctx);
    assert.deepEqual(
      ids.filter((id) => states.get(id)?.status !== 'Applied'),
      [],
    );
    const back = await qpt(ctx, 'revert', ids);
    assert.equal(back.run.code, 0, back.run.stdout);
    for (const [id, file] of Object.entries(SUPPORT_247)) assert.ok(gitAccepts(ctx.store, file), id);
  });
});

describe('real QPT engine: the community patch magento/magento2/34528 (Open Source 2.4.3)', function () {
  this.timeout(120000);
  let ctx: Context;
  before(function () {
    requireRealQpt(this);
    ctx = open('os-243', [COMMUNITY_34528]);
  });
  after(() => ctx?.store.remove());

  it('status prints MAGENTO/MAGENTO2/34528; the core maps it to the catalog ID', async () => {
    const run = await runInvocation(qptStatusCommand(ctx.analysis.project), ctx.store.env);
    assert.ok(parseQptStatus(run.stdout).has('MAGENTO/MAGENTO2/34528'));
    assert.ok(ctx.analysis.catalog.patches.has('magento/magento2/34528'));
    const states = await status(ctx);
    assert.equal(states.get('magento/magento2/34528')?.status, 'Not applied');
    assert.equal(states.has('MAGENTO/MAGENTO2/34528'), false);
  });

  it('apply and revert by the catalog ID: the command line carries the upper-cased one, and both work', async () => {
    const applied = await qpt(ctx, 'apply', ['magento/magento2/34528']);
    assert.equal(applied.run.code, 0, applied.run.stdout);
    assert.equal(applied.text, 'Applied magento/magento2/34528 to the store.');
    assert.ok(gitAccepts(ctx.store, COMMUNITY_34528, true));
    const states = await status(ctx);
    assert.equal(states.get('magento/magento2/34528')?.status, 'Applied');
    assert.deepEqual(
      [...states.values()].filter((s) => s.status === 'Applied').map((s) => s.id),
      ['magento/magento2/34528'],
    );
    const reverted = await qpt(ctx, 'revert', ['magento/magento2/34528']);
    assert.equal(reverted.run.code, 0, reverted.run.stdout);
    assert.equal(reverted.text, 'Reverted magento/magento2/34528 in the store.');
    assert.ok(gitAccepts(ctx.store, COMMUNITY_34528));
  });
});

describe('real QPT engine: a custom vendor-dir, and what the core says about it', function () {
  this.timeout(120000);
  for (const [vendorDir, kind] of [
    ['lib/vendor', 'too-deep'],
    ['vendor2', 'renamed'],
  ] as const) {
    const what = kind === 'too-deep' ? 'every command fails with "No lockfile found"' : 'nearly every patch is N/A';
    it(`${vendorDir}: ${what}, as the core explains`, async function () {
      requireRealQpt(this);
      const composerJson = JSON.parse(
        readFileSync(join(repoRoot(), 'test', 'fixtures', 'os-247p1', 'composer.json'), 'utf8'),
      ) as object;
      const files = {
        'composer.json': JSON.stringify({ ...composerJson, config: { 'vendor-dir': vendorDir } }, null, 4),
      };
      const store = realStore('os-247p1', { files });
      try {
        const analysis = analyzeLock(join(store.root, 'composer.lock'));
        const problem = qptVendorDirProblem(analysis.project);
        assert.equal(problem?.kind, kind);
        const run = await runInvocation(qptStatusCommand(analysis.project), store.env);
        if (kind === 'too-deep') {
          assert.equal(run.code, 1);
          assert.match(run.stdout + run.stderr, /No lockfile found/);
          assert.match(problem?.message ?? '', /No lockfile found/);
        } else {
          assert.equal(run.code, 0, run.stdout);
          const states = [...parseQptStatus(run.stdout).values()];
          const na = states.filter((s) => s.status === 'N/A').length;
          assert.ok(na >= states.length - 2, `${na} of ${states.length} N/A`);
          assert.match(problem?.message ?? '', /nearly every patch as N\/A/);
        }
      } finally {
        store.remove();
      }
    });
  }
});

/** The engine's own required Cloud patches for 2.4.3 that `ece-patches apply` applies first (their files seeded). */
const CLOUD_REQUIRED_243 = [
  'AC-384__Fix_Incompatible_PHP_Method__2.4.3_ce.patch',
  'MCLOUD-8279__Fixed_currency_displaying_on_product_page__2.4.3.patch',
  'MCLOUD-10032__Increment_number_for_catalog_product_entity_tables__2.4.3-p1.patch',
  'MCLOUD-10279__errors_when_flushing_js_css_cache_from_admin__2.4.4.patch',
  'MC-43048__set_rate_limits__2.4.3.patch',
  'MDVA-43443__parser_token_new_fix__2.4.3.patch',
].map((file) => `../../magento-cloud-patches/patches/${file}`);
const CLOUD_REQUIRED_243_IDS = ['AC-384', 'MCLOUD-8279', 'MCLOUD-10032', 'MCLOUD-10279', 'MC-43048', 'MDVA-43443'];
const ACSD_47920 = ['os/ACSD-47920_2.4.3-p1.patch', 'commerce/ACSD-47920_2.4.3-p1.patch'];

describe('real QPT engine: ece-patches apply reads what the core writes to .magento.env.yaml (Cloud 2.4.3)', function () {
  this.timeout(180000);
  let ctx: Context;
  before(function () {
    requireRealQpt(this);
    ctx = open('cloud-243', [...CLOUD_REQUIRED_243, ...ACSD_47920, COMMUNITY_34528]);
  });
  after(() => ctx?.store.remove());
  const envYaml = (ids: string[]) =>
    writeFileSync(join(ctx.store.root, ENV_YAML_FILE), applyTextEdits('', addQualityPatches('', ids)));
  const ecePatches = () =>
    runInvocation({ command: 'php', args: ['vendor/bin/ece-patches', 'apply'], cwd: ctx.store.root }, ctx.store.env);

  it('applies exactly the listed patches (after its own required ones), the community patch included', async () => {
    envYaml(['ACSD-47920', 'magento/magento2/34528']);
    assert.match(readFileSync(join(ctx.store.root, ENV_YAML_FILE), 'utf8'), /- MAGENTO\/MAGENTO2\/34528$/m);
    const run = await ecePatches();
    assert.equal(run.code, 0, run.stdout);
    const report = parseQptRunOutput(run.stdout, ctx.analysis.catalog.patches.keys());
    const listed = ['ACSD-47920', 'magento/magento2/34528'];
    assert.deepEqual(report.applied, [...CLOUD_REQUIRED_243_IDS, ...listed]);
    for (const file of [...ACSD_47920, COMMUNITY_34528]) assert.ok(gitAccepts(ctx.store, file, true), file);
    const applied = [...(await status(ctx)).values()].filter((s) => s.status === 'Applied').map((s) => s.id);
    assert.deepEqual(applied.filter((id) => !CLOUD_REQUIRED_243_IDS.includes(id)).sort(), listed);
  });

  it('an ID the triage finds no patch for at this version fails the build, as the diagnostics predict', async () => {
    const triaged = ctx.analysis.result.byId.get('ACP2E-3705');
    assert.equal(triaged?.status, 'not-applicable');
    envYaml(['ACP2E-3705']);
    const run = await ecePatches();
    assert.equal(run.code, 1);
    const report = parseQptRunOutput(run.stdout, ctx.analysis.catalog.patches.keys());
    assert.deepEqual(report.notFound, ['ACP2E-3705']);
    assert.match(
      qptRunMessage('apply', ['ACP2E-3705'], 'the store', run.code, report).text,
      /does not offer ACP2E-3705/,
    );
  });

  it('an ID in the catalog spelling (lower case) would fail the build too: the core writes it upper-cased', async () => {
    writeFileSync(
      join(ctx.store.root, ENV_YAML_FILE),
      'stage:\n  build:\n    QUALITY_PATCHES:\n      - magento/magento2/34528\n',
    );
    const run = await ecePatches();
    assert.equal(run.code, 1);
    assert.deepEqual(parseQptRunOutput(run.stdout).notFound, ['magento/magento2/34528']);
  });
});
