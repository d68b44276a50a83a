/**
 * File checks and reading for dcc.Upload (browser only): Dash's `accept` grammar (MIME types,
 * `type/*` wildcards, `.ext` extensions, comma-separated), size bounds, data-URL reading, and the
 * recursive walk of dropped folders (Chrome's `webkitGetAsEntry`), which keeps relative paths.
 */

/** Does a file with this name and MIME type match the `accept` string? (Empty accept: everything.) */
export function accepts(accept: string | undefined, name: string, type: string): boolean {
  const rules = (accept ?? '')
    .split(',')
    .map((rule) => rule.trim().toLowerCase())
    .filter((rule) => rule !== '');
  if (rules.length === 0) return true;
  const lowerName = name.toLowerCase();
  const lowerType = type.toLowerCase();
  const baseType = lowerType.replace(/\/.*$/, '');
  return rules.some((rule) => {
    if (rule.startsWith('.')) return lowerName.endsWith(rule);
    if (rule.endsWith('/*')) return baseType === rule.slice(0, -2);
    return lowerType === rule;
  });
}

/**
 * While dragging, only MIME types are known (not names or sizes): a drag is refused when some item
 * has a type that matches no MIME rule. Items without a type pass.
 */
export function dragAccepted(accept: string | undefined, types: readonly string[]): boolean {
  const rules = (accept ?? '')
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
  // Names are unknown until the drop: with extension rules only, nothing can be judged yet. With some
  // MIME rules, typed items are judged by those (as react-dropzone does); the drop decides for good.
  if (rules.every((rule) => rule.startsWith('.'))) return true;
  return types.every((type) => type === '' || accepts(accept, '', type));
}

/** Why a file is refused, or undefined when it is accepted. */
export function refusal(
  file: { name: string; type: string; size: number },
  rules: { accept?: string | undefined; maxSize?: number | undefined; minSize?: number | undefined },
): string | undefined {
  if (!accepts(rules.accept, file.name, file.type)) return `${file.name}: this type of file is not accepted`;
  const max = rules.maxSize ?? -1;
  if (max >= 0 && file.size > max) return `${file.name}: larger than ${max} bytes`;
  const min = rules.minSize ?? 0;
  if (file.size < min) return `${file.name}: smaller than ${min} bytes`;
  return undefined;
}

/** A file's content as a `data:<mime>;base64,...` URL. */
export function readDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** A file plus the name Dash reports for it (the relative path when it came from a folder). */
export interface NamedFile {
  file: File;
  name: string;
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: NamedFile[]): Promise<void> {
  if (entry.isFile) {
    // fullPath is "/folder/sub/name"; Dash reports it without the leading slash.
    out.push({ file: await entryFile(entry as FileSystemFileEntry), name: entry.fullPath.replace(/^\//, '') });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chrome) until it returns an empty batch.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, out);
  }
}

/**
 * The files of a drop. With `folders`, dropped directories are walked recursively; otherwise (and
 * where the browser has no entries API) the plain file list is used.
 */
export async function droppedFiles(transfer: DataTransfer, folders: boolean): Promise<NamedFile[]> {
  const plain = () => Array.from(transfer.files, (file) => ({ file, name: file.name }));
  if (!folders || typeof DataTransferItem === 'undefined' || !('webkitGetAsEntry' in DataTransferItem.prototype)) {
    return plain();
  }
  // Entries must be taken synchronously, before the first await: the DataTransfer empties afterwards.
  const entries = Array.from(transfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry());
  if (entries.some((entry) => entry === null)) return plain();
  const out: NamedFile[] = [];
  for (const entry of entries) if (entry !== null) await walk(entry, out);
  return out;
}
