/**
 * Server helpers that build `dcc.Download.data` (spec/components.md §3.13), the counterparts of
 * Dash's `dcc.send_string`, `send_bytes`, `send_file` and `send_data_frame`. Text travels as is,
 * bytes and files base64-encoded. CSV cells that a spreadsheet would run as a formula are defused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DownloadData } from '../components/dcc/download.js';

export type { DownloadData };

/** A download of text, saved as `filename` (MIME `type`, else the Download's `type`, text/plain by default). */
export function sendString(text: string, filename: string, type?: string): DownloadData {
  return { content: text, filename, base64: false, ...(type === undefined ? {} : { type }) };
}

/** A download of bytes (base64 on the wire, decoded by the browser). */
export function sendBytes(bytes: Uint8Array | ArrayBuffer, filename: string, type?: string): DownloadData {
  const buffer =
    bytes instanceof ArrayBuffer ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { content: buffer.toString('base64'), filename, base64: true, ...(type === undefined ? {} : { type }) };
}

/**
 * A download of a file on the server, saved under `filename` (default: the file's base name). The
 * path is the app's choice: never build it from client input (Upload filenames, URL parts) unchecked.
 */
export async function sendFile(filePath: string, filename?: string, type?: string): Promise<DownloadData> {
  return sendBytes(await readFile(filePath), filename ?? path.basename(filePath), type);
}

/** Table rows: records (columns = their keys in first-seen order), or explicit columns with rows. */
export type DataFrameLike =
  | readonly Readonly<Record<string, unknown>>[]
  | {
      readonly columns: readonly string[];
      readonly rows: readonly (readonly unknown[] | Readonly<Record<string, unknown>>)[];
    };

export interface CsvOptions {
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, tab or carriage return with a `'`, so a
   * spreadsheet shows them as text instead of running them as formulas (OWASP "CSV injection").
   * Numbers are written as numbers (a negative number is not a formula). Default true.
   */
  escapeFormulas?: boolean;
  /** Field separator. Default `,`. */
  separator?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: text form, formula defused, quoted when it holds the separator, a quote or a line break. */
function csvField(value: unknown, options: Required<CsvOptions>): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'string') text = value;
  else text = JSON.stringify(value);
  if (options.escapeFormulas && FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes =
    text.includes(options.separator) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The columns and value rows of a table. */
function tableOf(data: DataFrameLike): { columns: readonly string[]; rows: (readonly unknown[])[] } {
  const explicit = !Array.isArray(data);
  const records = (explicit ? (data as { rows: DataFrameLike }).rows : data) as readonly (
    readonly unknown[] | Readonly<Record<string, unknown>>
  )[];
  let columns: readonly string[];
  if (explicit) {
    columns = (data as { columns: readonly string[] }).columns;
  } else {
    const seen = new Set<string>();
    for (const record of records) for (const key of Object.keys(record)) seen.add(key);
    columns = [...seen];
  }
  const rows = records.map((row) =>
    Array.isArray(row) ? (row as readonly unknown[]) : columns.map((c) => (row as Record<string, unknown>)[c]),
  );
  return { columns, rows };
}

/** A table as CSV text: a header row, then one line per row (`\n` line ends, RFC 4180 quoting). */
export function toCsv(data: DataFrameLike, options: CsvOptions = {}): string {
  const resolved: Required<CsvOptions> = {
    escapeFormulas: options.escapeFormulas ?? true,
    separator: options.separator ?? ',',
  };
  const { columns, rows } = tableOf(data);
  const line = (cells: readonly unknown[]) => cells.map((cell) => csvField(cell, resolved)).join(resolved.separator);
  return [line(columns), ...rows.map(line)].map((l) => `${l}\n`).join('');
}

/** A download of a table as CSV (MIME text/csv). See CsvOptions for formula escaping. */
export function sendDataFrame(data: DataFrameLike, filename: string, options: CsvOptions = {}): DownloadData {
  return sendString(toCsv(data, options), filename, 'text/csv');
}
