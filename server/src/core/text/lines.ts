// Offset <-> line/character conversion for one text. `\n`, `\r\n` and a lone
// `\r` all end a line, as in LSP. Out-of-range input is clamped, never thrown.

import type { LineRange, Position } from '../types.js';

export class LineIndex {
  /** Offset of the first character of every line; always starts with 0. */
  private readonly lineStarts: number[];
  /** Offset just past the last character of every line, before its line break. */
  private readonly contentEnds: number[];
  /** The text's length (the text itself is not kept: an index of a corpus document must not hold its text alive). */
  private readonly length: number;

  constructor(text: string) {
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        ends.push(i);
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (code === 10 /* \n */) {
        ends.push(i);
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.lineStarts = starts;
    this.contentEnds = ends;
    this.length = text.length;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset where `line` starts (clamped to existing lines). */
  lineStart(line: number): number {
    return this.lineStarts[clamp(line, 0, this.lineStarts.length - 1)];
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineContentEnd(line: number): number {
    return this.contentEnds[clamp(line, 0, this.lineStarts.length - 1)];
  }

  positionAt(offset: number): Position {
    const clamped = clamp(Number.isNaN(offset) ? 0 : Math.floor(offset), 0, this.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line break (between \r and \n) belongs to the end of the line.
    const character = Math.min(clamped, this.lineContentEnd(low)) - this.lineStarts[low];
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    // NaN and fractions from a confused client must not index past the array.
    const line = Number.isNaN(position.line) ? 0 : Math.floor(position.line);
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.length;
    const start = this.lineStarts[line];
    const end = this.lineContentEnd(line);
    const character = Number.isNaN(position.character) ? 0 : Math.floor(position.character);
    return clamp(start + Math.max(0, character), start, end);
  }

  rangeAt(start: number, end: number): LineRange {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
