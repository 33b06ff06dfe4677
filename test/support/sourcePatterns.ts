import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import * as vm from 'node:vm';

/** A regular expression written in the source: where, and the pattern itself (undefined when it cannot be built). */
export interface SourcePattern {
  where: string;
  pattern: RegExp | undefined;
  text: string;
}

type Ts = typeof import('typescript');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/**
 * Every regular expression in the TypeScript files below `srcDir`: the literals (`/…/g`) and the `RegExp(…)` calls,
 * whose arguments are evaluated with the module-level constants of the source (their own file first, then the constant
 * of that name in any file, which is how the imports resolve). A call whose pattern cannot be evaluated that way is
 * returned with `pattern` undefined, so that a test can insist that every pattern stays checkable.
 */
export function sourcePatterns(srcDir: string, root: string): SourcePattern[] {
  // The compiler is loaded at run time (not bundled into the test).
  const ts = createRequire(join(root, 'package.json'))('typescript') as Ts;
  const files = sourceFiles(srcDir).map((file) => ({
    file,
    sf: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true),
  }));
  const js = (code: string) => ts.transpile(`(${code})`, { target: ts.ScriptTarget.ES2022 }).trim().replace(/;$/, '');
  const shared: Record<string, unknown> = {};
  const own = new Map<string, Record<string, unknown>>();
  // Three passes let constants built from constants of other files resolve, whatever the file order.
  for (let pass = 0; pass < 3; pass++) {
    for (const { file, sf } of files) {
      const values = own.get(file) ?? {};
      own.set(file, values);
      for (const statement of sf.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const d of statement.declarationList.declarations) {
          if (!ts.isIdentifier(d.name) || d.initializer === undefined || d.name.text in values) continue;
          try {
            const value: unknown = vm.runInNewContext(
              js(d.initializer.getText(sf)),
              { ...shared, ...values },
              { timeout: 1000 },
            );
            values[d.name.text] = value;
            if (!(d.name.text in shared)) shared[d.name.text] = value;
          } catch {
            // Not a constant expression (yet): a later pass may resolve it.
          }
        }
      }
    }
  }
  const out: SourcePattern[] = [];
  for (const { file, sf } of files) {
    const context = { ...shared, ...own.get(file) };
    const visit = (node: import('typescript').Node) => {
      const at = () => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        out.push({ where: at(), text, pattern: vm.runInNewContext(text) as RegExp });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const text = node.getText(sf);
        let pattern: RegExp | undefined;
        try {
          const args = (node.arguments ?? []).map((a) => js(a.getText(sf))).join(', ');
          pattern = vm.runInNewContext(`new RegExp(${args})`, context) as RegExp;
        } catch {
          pattern = undefined;
        }
        out.push({ where: at(), text, pattern });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}
