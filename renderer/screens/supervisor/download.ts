/** Saves a file the core made (export, poster) through a Blob link: the browser's or Electron's download. */
import type { ExportFile } from '../../../preload/api.ts';

/** A Blob of the file's bytes, for a download link or an in-page preview. */
export function fileBlob(file: ExportFile): Blob {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: file.mimeType });
}

export function download(file: ExportFile): void {
  const url = URL.createObjectURL(fileBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
