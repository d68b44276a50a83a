/**
 * dcc.Download view (spec/components.md §3.13): renders nothing. Each new non-empty `data` becomes a
 * Blob (base64-decoded when `data.base64`, else the component's `base64`) of MIME `data.type` (else
 * `type`, else text/plain) and is saved as `data.filename` through a temporary `<a download>` link
 * (what file-saver does in current browsers, without the dependency).
 */
import { useEffect } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import type { DownloadProps } from './download.js';

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export default function DownloadView(props: ViewProps<DownloadProps>) {
  const { data, base64 = false, type = 'text/plain' } = props;
  useEffect(() => {
    if (data === undefined || data === null || typeof data.filename !== 'string') return;
    const mime = data.type ?? type;
    const body = (data.base64 ?? base64) ? decodeBase64(data.content) : data.content;
    const url = URL.createObjectURL(new Blob([body], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = data.filename;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the save in some browsers: give it time to start (not cleared on
    // unmount, so the URL is always released).
    window.setTimeout(() => URL.revokeObjectURL(url), 40_000);
    // Only a new `data` saves a file; a change of the defaults alone does not (hence deps [data]).
  }, [data]);
  return null;
}
