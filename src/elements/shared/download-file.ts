export interface DownloadOptions {
  /** Where the temporary link goes (default `document.body`); inside an open modal dialog, the page outside it is inert. */
  parent?: ParentNode;
  /** How long the object URL lives after the click (default: until the next task). */
  revokeDelayMs?: number;
}

/** Saves `data` as a file named `fileName` through a temporary link (the URL is revoked afterwards). */
export function downloadFile(data: Blob | string, fileName: string, options: DownloadOptions = {}): void {
  const url = typeof data === 'string' ? data : URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  (options.parent ?? document.body).append(link);
  link.click();
  link.remove();
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(url), options.revokeDelayMs ?? 0);
}
