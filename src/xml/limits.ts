/**
 * Size and shape limits of the XML layer (hardening.md §5.0). Each limit is checked
 * before the work it guards, so a hostile input fails with a positioned `WxrError`
 * (`E_LIMIT_*`) instead of a `RangeError` or an out-of-memory crash.
 */

/** Limits for one parse. Every field is optional in options; the defaults are below. */
export interface XmlLimits {
  /** Deepest element nesting. WXR needs about 6. Default 256. */
  maxDepth: number;
  /** Longest single text, CDATA or attribute value, in UTF-16 units. Default 64 Mi (67,108,864). */
  maxTextLength: number;
  /** Longest element or attribute name. Default 10,000. */
  maxNameLength: number;
  /** Most attributes on one element. Default 1,024. */
  maxAttributes: number;
  /** Largest input `parseWxr` accepts as a whole (bytes or UTF-16 units); use `streamWxr` beyond. Default 256 MiB. */
  maxInputBytes: number;
  /** Diagnostics kept (and reported); the rest are counted in one `W_DIAGNOSTICS_TRUNCATED`. Default 1,000. */
  maxDiagnostics: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxDepth: 256,
  maxTextLength: 64 * 1024 * 1024,
  maxNameLength: 10_000,
  maxAttributes: 1_024,
  maxInputBytes: 256 * 1024 * 1024,
  maxDiagnostics: 1_000,
});

/**
 * Merges user limits over the defaults; non-positive or non-numeric values fall back to the default.
 *
 * @example
 * resolveLimits({ maxDepth: 64 }).maxDepth // 64
 */
export function resolveLimits(partial: Partial<XmlLimits> | undefined): XmlLimits {
  const out: XmlLimits = { ...DEFAULT_LIMITS };
  if (!partial) return out;
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof XmlLimits)[]) {
    const v = partial[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = Math.floor(v);
  }
  return out;
}
