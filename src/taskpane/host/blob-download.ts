/**
 * Saves bytes as a download: a Blob link clicked, the browser's own save, which Excel's task pane passes to the
 * system on Windows and on the web. In Excel for Mac and iPad the click does nothing (delivery.ts).
 */
export function blobDownload(bytes: Uint8Array, name: string, mime: string): void {
  const blob = new Blob([bytes], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
