// The command line speaks the display language: --locale, else the POSIX locale variables; its table, help,
// warnings and errors use the same bundles as the extension, and numbers are written the way the language writes them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { eastAsianWidth } from 'get-east-asian-width';
import { localeFromEnvironment } from '../../../src/cli/messages';
import { realworld, repoRoot, requireRealworld } from '../../support/realworld';

const ROOT = repoRoot();
const CLI = join(ROOT, 'dist', 'cli.js');
const CLOUD = join(ROOT, 'test', 'fixtures', 'cloud-246p3');

/** Runs the CLI with no locale variable set unless `env` sets one. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const base = { ...process.env };
  for (const name of ['LANG', 'LANGUAGE', 'LC_ALL', 'LC_MESSAGES']) delete base[name];
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Terminal columns of a line: East Asian wide characters take two. */
const columns = (line: string) => [...line].reduce((n, ch) => n + eastAsianWidth(ch.codePointAt(0)!), 0);

/** What the Cloud 2.4.6-p3 fixture's table says in each language (--all). */
const EXPECTED = {
  en: {
    summary: 'QPT 1.1.43 installed · 1,103 patches in the catalog',
    groups: ['Applicable (155)', 'Needs QPT update (208)', 'Deprecated / replaced (35)', 'Not applicable (705)'],
    acsd61103: 'Customer failed-login count kept after a successful API sign-in',
    reasons: [
      '↳ magento/magento2-base 2.4.6-p3 is outside >=2.4.4 <2.4.6',
      '↳ replaced by ACP2E-4813',
      '↳ requires ACSD-48366',
    ],
    warning: 'commerce-patches: warning: ',
  },
  sv: {
    summary: 'QPT 1.1.43 installerat · 1\u00a0103 patchar i katalogen',
    groups: ['Tillämplig (155)', 'Kräver QPT-uppdatering (208)', 'Inaktuell/ersatt (35)', 'Ej tillämplig (705)'],
    acsd61103: 'Kundens räknare för misslyckade inloggningar',
    reasons: [
      '↳ magento/magento2-base 2.4.6-p3 ligger utanför >=2.4.4 <2.4.6',
      '↳ ersatt av ACP2E-4813',
      '↳ kräver ACSD-48366',
    ],
    warning: 'commerce-patches: varning: ',
  },
  fr: {
    summary: 'QPT 1.1.43 installé · 1\u202f103 correctifs dans le catalogue',
    groups: [
      'Applicable (155)',
      'Mise à jour de QPT requise (208)',
      'Obsolète / remplacé (35)',
      'Non applicable (705)',
    ],
    acsd61103: 'Compteur de connexions échouées du client',
    reasons: [
      '↳ magento/magento2-base 2.4.6-p3 est hors de >=2.4.4 <2.4.6',
      '↳ remplacé par ACP2E-4813',
      '↳ requiert ACSD-48366',
    ],
    warning: 'commerce-patches: avertissement\u00a0: ',
  },
  ja: {
    summary: 'QPT 1.1.43 インストール済み · カタログ内のパッチ 1,103 件',
    groups: ['適用可能 (155)', 'QPT の更新が必要 (208)', '非推奨 / 置き換え済み (35)', '適用対象外 (705)'],
    acsd61103: 'API でのログイン成功後も顧客のログイン失敗回数が残る',
    reasons: [
      '↳ magento/magento2-base 2.4.6-p3 は >=2.4.4 <2.4.6 の範囲外です',
      '↳ ACP2E-4813 に置き換え済み',
      '↳ ACSD-48366 が必要',
    ],
    warning: 'commerce-patches: 警告: ',
  },
};

describe('command line in four languages', function () {
  this.timeout(20000);

  for (const [lang, want] of Object.entries(EXPECTED)) {
    it(`--locale ${lang}: the table's summary, groups, patch titles and reasons`, () => {
      const r = cli(['triage', CLOUD, '--all', '--locale', lang]);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], 'Adobe Commerce 2.4.6-p3 · Cloud');
      assert.equal(lines[2], `  ${want.summary}`);
      assert.deepEqual(
        lines.filter((l) => /^\S.*\(\d+\)$/.test(l)),
        want.groups,
      );
      const row = lines.find((l) => l.startsWith('  ACSD-61103 '));
      assert.ok(row?.includes(want.acsd61103), `ACSD-61103 row: ${row}`);
      for (const reason of want.reasons)
        assert.ok(
          lines.some((l) => l.trim() === reason),
          `no line "${reason}" in\n${r.stdout}`,
        );
      // The fixture's installed QPT metadata has broken entries: each warning starts with the translated word.
      assert.ok(r.stderr.length > 0);
      for (const line of r.stderr.trim().split('\n')) assert.ok(line.startsWith(want.warning), line);
      for (const line of lines) assert.ok(columns(line) <= 100, `${columns(line)} columns: ${line}`);
    });
  }

  it('without --locale: LC_ALL, else LC_MESSAGES, else LANG; LANGUAGE first unless the locale is C', () => {
    const language = (env: NodeJS.ProcessEnv) => {
      const summary = cli(['triage', CLOUD], env).stdout.split('\n')[2].trim();
      return Object.entries(EXPECTED).find(([, want]) => want.summary === summary)?.[0] ?? summary;
    };
    assert.equal(language({}), 'en');
    assert.equal(language({ LANG: 'sv_SE.UTF-8' }), 'sv');
    assert.equal(language({ LANG: 'sv_SE.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(language({ LANG: 'sv_SE.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LC_ALL: 'fr_FR.UTF-8' }), 'fr');
    assert.equal(language({ LANG: 'de_DE.UTF-8', LANGUAGE: 'de:ja:en' }), 'ja');
    assert.equal(language({ LANG: 'C', LANGUAGE: 'ja' }), 'en');
    assert.equal(language({ LANG: 'de_DE.UTF-8' }), 'en');
    // --locale wins over the environment.
    assert.equal(
      cli(['triage', CLOUD, '--locale', 'sv'], { LC_ALL: 'ja_JP.UTF-8' }).stdout.split('\n')[2],
      `  ${EXPECTED.sv.summary}`,
    );
  });

  it('an unsupported --locale warns once and falls back to English', () => {
    const r = cli(['triage', CLOUD, '--locale', 'de'], { LANG: 'ja_JP.UTF-8' });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /--locale de is not available \(en, sv, fr, ja\); using English/);
    assert.equal(r.stdout.split('\n')[4], 'Applicable (155)');
  });

  it('help, usage errors and unusable input in the display language, exit codes unchanged', () => {
    const help = cli(['--help'], { LANG: 'ja_JP.UTF-8' });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^使用法: commerce-patches triage \[PATH\]/);
    assert.match(help.stdout, /^ {2}--locale {7}en、sv、fr、ja のいずれか/m);
    const unknown = cli(['frobnicate'], { LANG: 'sv_SE.UTF-8' });
    assert.equal(unknown.code, 2);
    // One line that points to the help, not the whole usage text.
    assert.equal(
      unknown.stderr,
      'commerce-patches: okänt kommando ”frobnicate” (kommandon: triage, status, recommend, plan, catalog) (se commerce-patches --help)\n',
    );
    const missing = cli(['triage', 'no/such/folder', '--locale', 'fr']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'commerce-patches: no/such/folder\u00a0: fichier ou dossier introuvable\n');
    // Why a lock cannot be used comes from core code, through the same bundles (the parser's detail stays as V8 says it).
    const broken = cli(['triage', join(ROOT, 'test', 'fixtures', 'broken-lock'), '--locale', 'ja']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^commerce-patches: .*broken-lock\/composer\.lock:10:13: 無効な JSON: /);
    const format = cli(['triage', CLOUD, '--format', 'xml'], { LANG: 'fr_FR.UTF-8' });
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format doit valoir table, json, markdown ou sarif, et non «\u00a0xml\u00a0»/);
  });

  it('the JSON report stays language-neutral except for the patch texts', () => {
    type Report = { projects: Array<{ patches: Array<{ id: string; title: string }> }> };
    const en = JSON.parse(cli(['triage', CLOUD, '--format', 'json']).stdout) as Report;
    const ja = JSON.parse(cli(['triage', CLOUD, '--format', 'json', '--locale', 'ja']).stdout) as Report;
    const strip = (report: Report) => report.projects.map((p) => p.patches.map((x) => ({ ...x, title: '' })));
    assert.deepEqual(strip(ja), strip(en));
    const title = (r: Report) => r.projects[0].patches.find((p) => p.id === 'ACSD-61103')?.title;
    assert.equal(title(ja), EXPECTED.ja.acsd61103);
  });

  it("counts of a thousand and more use the language's digit grouping (QPT 1.1.82: over 1,000 patches)", function () {
    requireRealworld(this);
    const catalog = realworld('qpt-1.1.82', 'support-patches.json');
    const summary = (lang: string) =>
      cli(['triage', CLOUD, '--catalog', catalog, '--locale', lang]).stdout.split('\n')[2];
    assert.match(summary('en'), /· 1,\d{3} patches in the catalog$/);
    assert.match(summary('ja'), /· カタログ内のパッチ 1,\d{3} 件$/);
    // Swedish and French group with a (narrow) no-break space, so a count never wraps.
    assert.match(summary('sv'), /· 1\u00a0\d{3} patchar i katalogen$/);
    assert.match(summary('fr'), /· 1\u202f\d{3} correctifs dans le catalogue$/);
  });
});

describe('display language from the POSIX locale variables', () => {
  it('reads LC_ALL, LC_MESSAGES, LANG in that order, with LANGUAGE as gettext does', () => {
    assert.equal(localeFromEnvironment({}), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'sv_SE.UTF-8' }), 'sv');
    assert.equal(localeFromEnvironment({ LANG: 'fr_CA' }), 'fr');
    assert.equal(localeFromEnvironment({ LANG: 'ja_JP.eucJP', LC_MESSAGES: '' }), 'ja');
    assert.equal(localeFromEnvironment({ LANG: 'sv_SE.UTF-8', LC_ALL: 'C.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'sv_SE.UTF-8', LANGUAGE: 'fr_FR:sv' }), 'fr');
    assert.equal(localeFromEnvironment({ LANG: 'sv_SE.UTF-8', LANGUAGE: 'de:nl' }), 'sv');
    assert.equal(localeFromEnvironment({ LANG: 'POSIX', LANGUAGE: 'ja' }), 'en');
    assert.equal(localeFromEnvironment({ LANGUAGE: 'ja' }), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'en_US.UTF-8', LANGUAGE: 'ja:en' }), 'ja');
    assert.equal(localeFromEnvironment({ LANG: 'sv@euro' }), 'sv');
  });
});
