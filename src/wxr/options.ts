/** Options of `parseWxr` and `streamWxr`, resolved once. */
import type { Diagnostic } from '../model.js';
import { resolveLimits, type XmlLimits } from '../xml/limits.js';

export type { XmlLimits as WxrLimits } from '../xml/limits.js';

/** Options for `parseWxr` and `streamWxr`. */
export interface ParseWxrOptions {
  /** Make every repair (undeclared prefix, control characters, unescaped `&`, junk outside the root, raw `]]>`) an error. Default `false`. */
  strict?: boolean;
  /** Skip ill-formed parts (up to the next `<item>`) instead of throwing; each skip is an `error` diagnostic. Default `false`. */
  recover?: boolean;
  /** Size limits; see `WxrLimits` for each default (depth 256, text 64 Mi, names 10,000, attributes 1,024, input 256 MiB, diagnostics 1,000). */
  limits?: Partial<XmlLimits>;
  /** Called with each diagnostic as it is found (the only channel for diagnostics in `streamWxr`). Default none. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  readonly strict: boolean;
  readonly recover: boolean;
  readonly limits: XmlLimits;
  readonly onDiagnostic: ((diagnostic: Diagnostic) => void) | undefined;
}

/**
 * Applies the defaults; never mutates `options`.
 *
 * @example
 * resolveOptions({ strict: true }).recover // false
 */
export function resolveOptions(options: ParseWxrOptions | undefined): ResolvedOptions {
  return {
    strict: options?.strict === true,
    recover: options?.recover === true,
    limits: resolveLimits(options?.limits),
    onDiagnostic: typeof options?.onDiagnostic === 'function' ? options.onDiagnostic : undefined,
  };
}
