/**
 * dcc.Upload view (spec/components.md §3.12): a drop zone that opens the file dialog on click (or
 * Enter/Space). Accepted files are read as data URLs and `contents`, `filename` and `last_modified`
 * are written together once every file is read (lists when `multiple`). Unlike Dash, which drops
 * refused files silently, files refused by `accept`, `max_size` or `min_size` are named in a visible
 * message (role="alert") so the person knows why nothing happened; they are never sent.
 */
import type { CSSProperties, DragEvent, KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { UploadProps } from './upload.js';
import type { NamedFile } from './upload-files.browser.js';
import { dragAccepted, droppedFiles, readDataUrl, refusal } from './upload-files.browser.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/dcc.css';
import './styles/upload.css';

const DEFAULT_ACTIVE: CSSProperties = { borderStyle: 'solid', borderColor: '#6c6', backgroundColor: '#eee' };
const DEFAULT_REJECT: CSSProperties = { borderStyle: 'solid', borderColor: '#c66', backgroundColor: '#eee' };
const DEFAULT_DISABLED: CSSProperties = { opacity: 0.5 };

type DragState = 'none' | 'active' | 'reject';

export default function UploadView(props: ViewProps<UploadProps>) {
  const { setProps, accept, multiple = false, disabled = false, disable_click = false } = props;
  const input = useRef<HTMLInputElement>(null);
  const [drag, setDrag] = useState<DragState>('none');
  const [errors, setErrors] = useState<string[]>([]);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag really left.
  const depth = useRef(0);

  const takeFiles = async (files: NamedFile[]) => {
    const refused: string[] = [];
    let accepted: NamedFile[] = [];
    for (const named of files) {
      const why = refusal(
        { name: named.name, type: named.file.type, size: named.file.size },
        { accept, maxSize: props.max_size, minSize: props.min_size },
      );
      if (why === undefined) accepted.push(named);
      else refused.push(why);
    }
    if (!multiple && accepted.length > 1) {
      refused.push(...accepted.slice(1).map((f) => `${f.name}: only one file is accepted`));
      accepted = accepted.slice(0, 1);
    }
    setErrors(refused);
    if (accepted.length === 0) return;
    let contents: string[];
    try {
      contents = await Promise.all(accepted.map((f) => readDataUrl(f.file)));
    } catch (error) {
      setErrors([...refused, `The file could not be read: ${String(error)}`]);
      return;
    }
    const names = accepted.map((f) => f.name);
    const times = accepted.map((f) => f.file.lastModified / 1000);
    if (multiple) setProps({ contents, filename: names, last_modified: times });
    else setProps({ contents: contents[0], filename: names[0], last_modified: times[0] });
  };

  const openDialog = () => {
    if (!disabled && !disable_click) input.current?.click();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openDialog();
    }
  };

  const dragTypes = (event: DragEvent) =>
    Array.from(event.dataTransfer.items)
      .filter((item) => item.kind === 'file')
      .map((item) => item.type);

  const onDragEnter = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    if (disabled) return;
    depth.current += 1;
    setDrag(dragAccepted(accept, dragTypes(event)) ? 'active' : 'reject');
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    // Without preventDefault the browser would open the file instead of dropping it here.
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDrag('none');
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    depth.current = 0;
    setDrag('none');
    if (disabled) return;
    void droppedFiles(event.dataTransfer, multiple).then(takeFiles);
  };

  // A class replaces the matching default style (as in Dash).
  const stateClass = disabled
    ? props.className_disabled
    : drag === 'active'
      ? props.className_active
      : drag === 'reject'
        ? props.className_reject
        : undefined;
  let stateStyle: CSSProperties | undefined;
  if (disabled) stateStyle = props.className_disabled ? undefined : (props.style_disabled ?? DEFAULT_DISABLED);
  else if (drag === 'active') stateStyle = props.className_active ? undefined : (props.style_active ?? DEFAULT_ACTIVE);
  else if (drag === 'reject') stateStyle = props.className_reject ? undefined : (props.style_reject ?? DEFAULT_REJECT);

  const id = domId(props.id);
  return (
    <div
      id={id}
      className={classNames('dash-upload', props.className, stateClass)}
      style={{ ...props.style, ...stateStyle }}
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-disabled={disabled || undefined}
      data-drag={drag === 'none' ? undefined : drag}
      onClick={openDialog}
      onKeyDown={onKeyDown}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      {...loadingAttributes(props.loading_state)}
    >
      <input
        ref={input}
        type="file"
        className="dash-upload-input"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        // Folder selection (Chrome, Edge, Firefox): the dialog picks a directory; names keep its relative path.
        {...(multiple && props.enable_folder_selection ? { webkitdirectory: '' } : {})}
        // The input is clicked programmatically: its own click must not bubble back and reopen the dialog.
        onClick={(event) => event.stopPropagation()}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [], (file) => ({
            file,
            name: file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name,
          }));
          // Clear it so that choosing the same file again is a change too.
          event.target.value = '';
          void takeFiles(files);
        }}
      />
      {props.children}
      {errors.length > 0 && (
        <div className="dash-upload-error" role="alert">
          {errors.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </div>
      )}
    </div>
  );
}
