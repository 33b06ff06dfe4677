import type { LineCounter } from 'yaml';

/** The `yaml` library's API. */
type Yaml = typeof import('yaml');

let lib: Yaml | undefined;

/**
 * The YAML library, required on first use: the extension's build makes it a bundle of its own (dist/yaml.js), so
 * it costs nothing until a `.magento.env.yaml`, a decisions file or a YAML catalog is read. Core imports the
 * library's values from here (types straight from `yaml`).
 */
function yaml(): Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first need, on purpose
  return (lib ??= require('yaml') as Yaml);
}

export const isAlias = ((node: unknown) => yaml().isAlias(node)) as Yaml['isAlias'];
export const isMap = ((node: unknown) => yaml().isMap(node)) as Yaml['isMap'];
export const isPair = ((node: unknown) => yaml().isPair(node)) as Yaml['isPair'];
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as Yaml['isScalar'];
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as Yaml['isSeq'];
export const parse = ((...args: Parameters<Yaml['parse']>) => yaml().parse(...args) as unknown) as Yaml['parse'];
export const parseAllDocuments = ((...args: Parameters<Yaml['parseAllDocuments']>) =>
  yaml().parseAllDocuments(...args)) as Yaml['parseAllDocuments'];
export const parseDocument = ((...args: Parameters<Yaml['parseDocument']>) =>
  yaml().parseDocument(...args)) as Yaml['parseDocument'];
/** `visit`, with its `BREAK`, `SKIP` and `REMOVE` signals read from the library when first asked for. */
export const visit = Object.defineProperties((...args: Parameters<Yaml['visit']>) => yaml().visit(...args), {
  BREAK: { get: () => yaml().visit.BREAK },
  SKIP: { get: () => yaml().visit.SKIP },
  REMOVE: { get: () => yaml().visit.REMOVE },
}) as Yaml['visit'];

/** A new `LineCounter` (to give parse positions as lines and columns). */
export function newLineCounter(): LineCounter {
  return new (yaml().LineCounter)();
}
