/**
 * HTML comments. `<!--more-->` (the summary divider Hugo and Jekyll also use),
 * `<!--nextpage-->` and `<!--noteaser-->` are kept as they are. Block-editor
 * comments (`<!-- wp:code {"language":"php"} -->`) are removed; their JSON
 * attributes are handed to the element that follows (see `ctx.blockOf`).
 * Every other comment is dropped.
 */
import type { BlockInfo } from '../types.js';

interface CommentTarget {
  block(markdown: string, kind?: string): string;
  setPendingBlock(b: BlockInfo | undefined): void;
  report(d: { code: string; message: string; severity?: 'error' | 'warning' | 'info' }): void;
}

const BLOCK = /^\s*wp:([a-z][\w-]*(?:\/[\w-]+)?)\s*(\{[\s\S]*\})?\s*(\/)?\s*$/;
const KEEP = /^(?:more\b|nextpage\s*$|noteaser\s*$)/;

function parseAttrs(json: string | undefined, name: string, ctx: CommentTarget): Record<string, unknown> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    ctx.report({ code: 'W_MD_BLOCK_JSON', message: `Block comment wp:${name} has attributes that are not valid JSON` });
  }
  return {};
}

/** Renders one comment (its text between `<!--` and `-->`). */
export function renderComment(data: string, ctx: CommentTarget): string {
  if (KEEP.test(data)) return ctx.block(`<!--${data}-->`, 'more');
  const m = BLOCK.exec(data);
  if (m) {
    const name = m[1] ?? '';
    const info: BlockInfo = { name, attrs: parseAttrs(m[2], name, ctx) };
    if (!m[3]) ctx.setPendingBlock(info);
  } else if (/^\s*\/wp:/.test(data)) {
    ctx.setPendingBlock(undefined);
  }
  return '';
}
