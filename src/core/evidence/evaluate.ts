import type { ConfigRule, LogRule, Signature } from '../catalog/signature';
import type { ConfigValue } from './configValues';
import type { Evidence, Verdict } from './evidence';

/** What the store shows, for evaluating signatures. */
export interface StoreFacts {
  /** The lines that match a log rule (none when its files are missing). */
  logHits(rule: LogRule): readonly Evidence[];
  /** The value of a configuration path; without config files every value is absent. */
  config?(path: string): ConfigValue;
}

export interface SignatureResult {
  verdict: Verdict;
  /** What holds: all of it for `yes`; what was found so far for `unknown`; only the parts that hold for `or`. */
  evidence: Evidence[];
}

/**
 * Evaluates a signature: a log rule holds when a line matches; a config rule when the value, as PHP turns it into
 * a string, equals `match`, is `unknown` when it is not set in the files (it may be in the database) or not a
 * literal. `and` holds when every part does, `or` when one does; an unknown part makes the group unknown unless
 * the others decide it.
 */
export function evaluateSignature(signature: Signature, facts: StoreFacts): SignatureResult {
  switch (signature.type) {
    case 'log': {
      const evidence = [...facts.logHits(signature)];
      return { verdict: evidence.length > 0 ? 'yes' : 'no', evidence };
    }
    case 'config':
      return configResult(signature, facts.config?.(signature.path) ?? { kind: 'absent' });
    case 'and': {
      const evidence: Evidence[] = [];
      let verdict: Verdict = 'yes';
      for (const item of signature.items) {
        const r = evaluateSignature(item, facts);
        if (r.verdict === 'no') return { verdict: 'no', evidence: [] };
        if (r.verdict === 'unknown') verdict = 'unknown';
        evidence.push(...r.evidence);
      }
      // Unknown: what was found is kept (a log line while a setting could not be read is worth showing).
      return { verdict, evidence };
    }
    case 'or': {
      const evidence: Evidence[] = [];
      let verdict: Verdict = 'no';
      for (const item of signature.items) {
        const r = evaluateSignature(item, facts);
        if (r.verdict === 'yes') {
          verdict = 'yes';
          evidence.push(...r.evidence);
        } else if (r.verdict === 'unknown' && verdict === 'no') verdict = 'unknown';
      }
      return { verdict, evidence };
    }
  }
}

function configResult(rule: ConfigRule, value: ConfigValue): SignatureResult {
  if (value.kind !== 'set') return { verdict: 'unknown', evidence: [] };
  if (value.value !== rule.match) return { verdict: 'no', evidence: [] };
  return { verdict: 'yes', evidence: [{ type: 'config', path: rule.path, value: value.value, source: value.source }] };
}
