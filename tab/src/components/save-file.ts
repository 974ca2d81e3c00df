/** Saves a Blob under `fileName` the way a download link would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the data once the click was handled; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
