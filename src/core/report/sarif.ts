import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FindingReport } from './finding';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
}

/** A path as a SARIF artifact location: relative to `baseDir` (`%SRCROOT%`) when inside it, else a file URI. */
function artifactLocation(file: string, baseDir: string): { uri: string; uriBaseId?: string } {
  const rel = relative(baseDir, file);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel))
    return { uri: rel.split(sep).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(file).href };
}

/**
 * A SARIF 2.1.0 log of one run: the rules, and one result per finding, located at its file and line, with the
 * places that explain it (evidence, the vendor file of a conflict) as related locations. Suppressed
 * findings (a decision to skip) stay in the log with an external suppression, as code scanning expects.
 */
export function sarifLog(report: FindingReport, tool: SarifTool, baseDir: string): object {
  const index = new Map(report.rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: report.rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: `${r.short} ${r.help}` },
              help: { text: `${r.help} ${r.helpUri}`, markdown: `${r.help} [${r.helpUri}](${r.helpUri})` },
              helpUri: r.helpUri,
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': { uri: pathToFileURL(baseDir.endsWith(sep) ? baseDir : baseDir + sep).href },
        },
        results: report.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId) ?? -1,
          level: report.rules[index.get(f.ruleId) ?? -1]?.level ?? 'warning',
          message:
            f.docsUrl === undefined
              ? { text: f.message }
              : { text: `${f.message} ${f.docsUrl}`, markdown: `${f.message} [${f.patchId}](${f.docsUrl})` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(f.file, baseDir),
                region: { startLine: f.line, ...(f.column !== undefined ? { startColumn: f.column } : {}) },
              },
            },
          ],
          ...(f.related !== undefined && f.related.length > 0
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i + 1,
                  physicalLocation: {
                    artifactLocation: artifactLocation(r.file, baseDir),
                    ...(r.line !== undefined ? { region: { startLine: r.line } } : {}),
                  },
                  message: { text: r.message },
                })),
              }
            : {}),
          partialFingerprints: { 'patchId/v1': `${f.ruleId}:${f.patchId}` },
          properties: { patchId: f.patchId },
          ...(f.suppressed !== undefined ? { suppressions: [{ kind: 'external', justification: f.suppressed }] } : {}),
        })),
      },
    ],
  };
}
