// Offset <-> line/character conversion for one text. `\n`, `\r\n` and a lone
// `\r` all end a line, as in LSP. Out-of-range input is clamped, never thrown.

import type { LineRange, Position } from '../types.js';

export class LineIndex {
  /** Offset of the first character of every line; always starts with 0. */
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (code === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
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
    const index = clamp(line, 0, this.lineStarts.length - 1);
    let end = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1] : this.text.length;
    if (end > this.lineStarts[index] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[index] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const clamped = clamp(Number.isNaN(offset) ? 0 : Math.floor(offset), 0, this.text.length);
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
    if (line >= this.lineStarts.length) return this.text.length;
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
