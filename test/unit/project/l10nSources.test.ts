// Every user-visible string is localizable: runtime strings go through t() (vscode.l10n.t in the extension, the
// CLI's bundle lookup on the command line) with a literal English key listed in l10n/bundle.l10n.json; manifest
// strings are %keys% of package.nls.json.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../support/realworld';

const ROOT = repoRoot();

interface Source {
  file: string;
  text: string;
}

function sources(dir: string): Source[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(ROOT, dir, f))
    .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));
}

/** The 1-based line of `offset` in `text`. */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** `t('…')` / `t("…")` calls (also `l10n.t`, across line breaks), with the key unescaped. */
function translatedLiterals(text: string): string[] {
  const call = /\bt\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
  return [...text.matchAll(call)].map((m) => m[2].replace(/\\(['"\\])/g, '$1').replace(/\\n/g, '\n'));
}

/** `t(` calls whose first argument is not a plain string literal: their key cannot be checked or translated. */
function dynamicKeys(text: string): string[] {
  return [...text.matchAll(/\bt\(\s*(?!['"])([^\s,)]*)/g)]
    .map((m) => m[1])
    .filter((arg) => arg !== '' && arg !== 'message');
}

/** `%key%` strings anywhere in the manifest. */
function manifestKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => manifestKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => manifestKeys(v, out));
  return out;
}

/**
 * Places where a literal reaches the user directly: notifications, status bar messages, input boxes and quick
 * picks (title, prompt, placeHolder), tree items, tooltips, output channel and diagnostic source names.
 * A literal counts when it has a word in it (three letters or more); IDs and codicons pass.
 */
const UI_SINKS: RegExp[] = [
  /\bshow(?:Information|Warning|Error)Message\(\s*(['"`])(?=[^'"`]*[A-Za-z]{3})/g,
  /\bsetStatusBarMessage\(\s*(['"`])(?=[^'"`]*[A-Za-z]{3})/g,
  /\bcreateOutputChannel\(\s*(['"`])/g,
  /\bnew vscode\.TreeItem\(\s*(['"`])/g,
  /\b(?:title|prompt|placeHolder|tooltip|detail|description|message)\s*[:=]\s*(['"`])(?=[A-Za-z][^'"`]*[a-z]{3}[^'"`]*\s)/g,
  /\.(?:source|name|text)\s*=\s*(['"`])(?=[^'"`$]*[A-Za-z]{3})/g,
];

describe('localization: strings in the source', () => {
  const files = sources('src');

  it('the English runtime bundle lists exactly the keys passed to t()', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const used = new Set(files.flatMap((f) => translatedLiterals(f.text)));
    assert.ok(used.size > 40, `only ${used.size} keys found: is the extraction broken?`);
    assert.deepEqual(
      [...used].filter((k) => !(k in bundle)),
      [],
      'keys missing from l10n/bundle.l10n.json',
    );
    assert.deepEqual(
      Object.keys(bundle).filter((k) => !used.has(k)),
      [],
      'bundle entries no code uses',
    );
  });

  it('every t() call has a literal key', () => {
    const dynamic = files.flatMap((f) => dynamicKeys(f.text).map((arg) => `${f.file}: t(${arg}`));
    assert.deepEqual(dynamic, []);
  });

  it('no literal reaches a notification, input box, tree item, tooltip or output channel without t()', () => {
    const found: string[] = [];
    for (const f of files.filter(
      (s) => s.file.startsWith(join('src', 'vscode')) || s.file === join('src', 'extension.ts'),
    )) {
      for (const sink of UI_SINKS) {
        for (const m of f.text.matchAll(sink)) {
          found.push(`${f.file}:${lineOf(f.text, m.index)}: ${f.text.slice(m.index, m.index + 60).split('\n')[0]}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  it("dates and numbers are not formatted with the host's locale (toLocaleString and friends) but the display language", () => {
    const found = files.flatMap((f) =>
      [...f.text.matchAll(/\.toLocale(?:Date|Time)?String\(/g)].map((m) => `${f.file}:${lineOf(f.text, m.index)}`),
    );
    assert.deepEqual(
      found,
      [],
      'use formatCount / formatTime (src/vscode/l10n.ts) or src/core/text/{numbers,dates}.ts',
    );
  });

  it('every %key% of package.json is in package.nls.json and every NLS entry is used', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as unknown;
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const keys = manifestKeys(manifest);
    assert.deepEqual(
      [...keys].filter((k) => !(k in nls)),
      [],
      'keys missing from package.nls.json',
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !keys.has(k)),
      [],
      'package.nls.json entries the manifest does not use',
    );
  });

  it('contributed titles and descriptions in package.json are %keys%, not English text', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      description: string;
      contributes: Record<string, unknown>;
    };
    const literal: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          const userFacing =
            /^(title|name|contents|description|markdownDescription|enumDescriptions|contextualTitle|label|shortTitle)$/.test(
              k,
            );
          if (userFacing && typeof v === 'string' && !/^%.+%$/.test(v)) literal.push(`${path}.${k}: ${v}`);
          else if (userFacing && Array.isArray(v))
            v.forEach((s, i) => typeof s === 'string' && !/^%.+%$/.test(s) && literal.push(`${path}.${k}[${i}]: ${s}`));
          else visit(v, `${path}.${k}`);
        }
      }
    };
    visit(manifest.contributes, 'contributes');
    if (!/^%.+%$/.test(manifest.description)) literal.push(`description: ${manifest.description}`);
    assert.deepEqual(literal, []);
  });
});

describe('localization: the source scanner', () => {
  it('finds keys in single and double quotes, escaped quotes and calls split over lines', () => {
    const text = [
      "t('Copied {0}', id); vscode.l10n.t(\"Search Adobe's patch list\");",
      "t(\n  'It\\'s {0}',\n  x); format(x); split('a'); t(`template`);",
    ].join('\n');
    assert.deepEqual(translatedLiterals(text), ['Copied {0}', "Search Adobe's patch list", "It's {0}"]);
  });

  it('flags a key that is not a literal', () => {
    assert.deepEqual(dynamicKeys("t(label); t('ok'); l10n.t(message, ...args); t(`x ${y}`)"), ['label', '`x']);
  });
});
